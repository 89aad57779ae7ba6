package search

// testSigns stand in for the warning-signs data in tests that must not
// depend on its exact wording: the three levels of facts.md, with
// keywords as a content editor would write them.
var testSigns = []Sign{
	{ID: "breathing", Words: "Trouble breathing or swallowing, or wheezing", Level: "emergency", Urgency: 0,
		Keywords: []string{"breathe", "breathing", "swallow", "wheeze", "can't breathe"}},
	{ID: "tongue", Words: "Sudden swelling of the tongue, throat or lips", Level: "emergency", Urgency: 0,
		Keywords: []string{"tongue", "throat", "lips swelling", "swollen lips"}},
	{ID: "fever-unwell", Words: "A fever with shivering, or feeling very unwell", Level: "emergency", Urgency: 0,
		Keywords: []string{"shivering", "very unwell"}},
	{ID: "chest-pain", Words: "Chest pain", Level: "emergency", Urgency: 0, Keywords: []string{"chest pain"}},
	{ID: "infection", Words: "Redness, warmth, swelling or pain that gets worse after the first day", Level: "today", Urgency: 1,
		Keywords: []string{"infection", "infected", "getting worse"}},
	{ID: "pus", Words: "Thick yellow or green fluid (pus)", Level: "today", Urgency: 1, Keywords: []string{"pus", "yellow fluid", "green fluid"}},
	{ID: "fever", Words: "A fever of 38 C (100.4 F) or more", Level: "today", Urgency: 1, Keywords: []string{"fever", "temperature"}},
	{ID: "cold-sore", Words: "A cold sore or small painful blisters in the treated area", Level: "today", Urgency: 1,
		Keywords: []string{"cold sore", "blisters", "herpes"}},
	{ID: "still-red", Words: "Redness or swelling still strong after about 7 days", Level: "hours", Urgency: 2, From: 7,
		Keywords: []string{"still red"}},
	{ID: "glands", Words: "Swollen neck glands that last over a week", Level: "hours", Urgency: 2, Keywords: []string{"glands", "lymph nodes"}},
}
