package search

import "github.com/skinguide/skinguide/internal/content"

// testSigns stand in for the warning-signs data in tests that must not
// depend on its exact wording: the three levels of facts.md, with
// keywords as a content editor would write them.
var testSigns = []Sign{
	{ID: "breathing", Words: "Trouble breathing or swallowing, or wheezing", To: content.Forever, Level: "emergency",
		Keywords: []string{"breathe", "breathing", "swallow", "wheeze", "can't breathe"}},
	{ID: "tongue", Words: "Sudden swelling of the tongue, throat or lips", To: content.Forever, Level: "emergency",
		Keywords: []string{"tongue", "throat", "lips swelling", "swollen lips"}},
	{ID: "fever-unwell", Words: "A fever with shivering, or feeling very unwell", To: content.Forever, Level: "emergency",
		Keywords: []string{"shivering", "very unwell"}},
	{ID: "chest-pain", Words: "Chest pain", To: content.Forever, Level: "emergency", Keywords: []string{"chest pain"}},
	{ID: "infection", Words: "Redness, warmth, swelling or pain that gets worse after the first day", To: content.Forever, Level: "today",
		Keywords: []string{"infection", "infected", "getting worse"}},
	{ID: "pus", Words: "Thick yellow or green fluid (pus)", To: content.Forever, Level: "today", Keywords: []string{"pus", "yellow fluid", "green fluid"}},
	{ID: "fever", Words: "A fever of 38 C (100.4 F) or more", To: content.Forever, Level: "today", Keywords: []string{"fever", "temperature"}},
	{ID: "cold-sore", Words: "A cold sore or small painful blisters in the treated area", To: content.Forever, Level: "today",
		Keywords: []string{"cold sore", "blisters", "herpes"}},
	{ID: "still-red", Words: "Redness or swelling still strong after about 7 days", To: content.Forever, Level: "hours", From: 7,
		Keywords: []string{"still red"}},
	{ID: "glands", Words: "Swollen neck glands that last over a week", To: content.Forever, Level: "hours", Keywords: []string{"glands", "lymph nodes"}},
}
