package search

import (
	"testing"

	"github.com/skinguide/skinguide/internal/content"
)

// A question about what the treatment may do, asked before it ("will it
// affect my vision?", "could it cause a fever?", "¿puede causar
// fiebre?"), names no sign; a question about what the patient has now
// ("is it normal that it hurts so much?", "why can't I see properly?",
// "did it affect my vision?", "¿es normal no ver bien?") still does.
func TestQuestionsAboutTheTreatment(t *testing.T) {
	checkNamesNothing(t, "en",
		"will it affect my vision", "can it affect my eyes", "could it cause a fever", "is it very painful",
		"is it unbearable", "will it be very painful", "does it hurt so much", "can it cause blurry vision",
		"can microneedling cause blurred vision", "does microneedling cause infection", "can it give me a rash",
		"will it make me faint", "could the numbing cream cause tingling", "can it trigger a cold sore",
		"will it cause swelling of my throat", "does it cause eye pain or blurry vision",
		"is it going to affect my vision", "will it make my eye hurt", "could microneedling damage my vision",
		"will it give me a temperature", "can rf microneedling cause blisters",
		"would it cause an allergic reaction", "might it cause chest pain", "Will it affect my vision?")
	checkNamesNothing(t, "es",
		"¿afecta a la vista?", "¿afecta a la visión?", "afecta a la vision", "¿puede causar fiebre?",
		"¿me puede dar fiebre?", "¿va a afectar a la vista?", "¿puede provocar una infección?",
		"¿puede producir herpes?", "¿puede dar alergia?", "¿va a doler mucho?", "¿puede causar visión borrosa?",
		"¿me puede provocar ampollas?", "¿puede causar mucho dolor?", "¿pueden causar fiebre las agujas?")
	checkFirst(t, []firstCase{
		// Is it normal, bad, ok, supposed to: about now.
		{"en", "is it normal that it hurts so much", "severe-pain", "today", nil},
		{"en", "is it normal to have a fever", "fever-very-unwell", "emergency", nil},
		{"en", "is it supposed to hurt this much", "severe-pain", "today", nil},
		{"en", "does it usually hurt this much", "severe-pain", "today", nil},
		{"en", "is it normal my eye hurts so much", "eye-problem", "emergency", nil},
		{"en", "is it bad if my lips are swelling", "throat-swelling", "emergency", nil},
		{"en", "is it serious if i have a fever", "fever-very-unwell", "emergency", nil},
		{"en", "is it ok that i can't breathe well", "breathing", "emergency", nil},
		{"en", "is it normal to have blurry vision after microneedling", "eye-problem", "emergency", nil},
		{"es", "¿es normal que me duela tanto?", "severe-pain", "today", nil},
		{"es", "¿es normal tener fiebre?", "fever-very-unwell", "emergency", nil},
		{"es", "¿es normal no ver bien?", "eye-problem", "emergency", nil},
		{"es", "¿es malo que se me hinchen los labios?", "throat-swelling", "emergency", nil},
		{"es", "¿es grave tener fiebre?", "fever-very-unwell", "emergency", nil},
		// Why, did, do I have, could it be: about now.
		{"en", "why can't I see properly", "eye-problem", "emergency", nil},
		{"en", "why is my vision blurry", "eye-problem", "emergency", nil},
		{"en", "did it affect my vision", "eye-problem", "emergency", nil},
		{"en", "is it affecting my vision", "eye-problem", "emergency", nil},
		{"en", "do i have a fever", "fever-very-unwell", "emergency", nil},
		{"en", "does my eye hurt", "eye-problem", "emergency", nil},
		{"en", "could it be infected", "getting-worse", "today", nil},
		{"en", "could this be an infection", "getting-worse", "today", nil},
		{"en", "is it infected", "getting-worse", "today", nil},
		{"en", "is this a cold sore", "cold-sore", "today", nil},
		{"en", "is it an allergic reaction", "allergic-rash", "today", nil},
		{"es", "¿por qué no veo bien?", "eye-problem", "emergency", nil},
		{"es", "¿me afectó a la visión?", "eye-problem", "emergency", nil},
		{"es", "¿tengo fiebre?", "fever-very-unwell", "emergency", nil},
		{"es", "¿puede ser una infección?", "getting-worse", "today", nil},
		{"es", "¿puede ser herpes?", "cold-sore", "today", nil},
		{"es", "¿es una reacción alérgica?", "allergic-rash", "today", nil},
		// A sign the patient names before the question, or after it, is
		// theirs.
		{"en", "will my blurry vision go away", "eye-problem", "emergency", nil},
		{"en", "will the fever go down", "fever-very-unwell", "emergency", nil},
		{"en", "my vision is blurry, will it affect my eyes", "eye-problem", "emergency", nil},
		{"en", "will it affect my vision? my eyes hurt", "eye-problem", "emergency", nil},
		{"en", "will the swelling in my throat go down", "throat-swelling", "emergency", nil},
		{"en", "can i take paracetamol for a fever", "fever-very-unwell", "emergency", nil},
		{"es", "¿va a bajar la fiebre?", "fever-very-unwell", "emergency", nil},
		{"es", "¿se me va a pasar la visión borrosa?", "eye-problem", "emergency", nil},
		{"es", "me va el corazón a mil", "heartbeat", "emergency", nil},
	})
}

// The rule on a guide of its own: after a word of asking, a keyword
// right after a verb of may_cause (or starting with one) names nothing,
// unless a word of worry makes the question one about now.
func TestMayCause(t *testing.T) {
	syn := &content.Synonyms{
		Ignore:        []string{"will", "it", "my", "a", "is", "did", "to", "have", "that", "me", "if", "or"},
		Asking:        []string{"will", "can", "is it"},
		MayCause:      []string{"affect", "cause", "hurt"},
		Worry:         []string{"normal"},
		NegationSkips: []string{"or"},
	}
	signs := []Sign{
		{ID: "eye", Words: "A change in your sight", Level: "emergency", To: content.Forever, Keywords: []string{"vision", "eye hurts", "hurts my eye"}},
		{ID: "fever", Words: "A fever", Level: "today", To: content.Forever, Keywords: []string{"fever", "chills"}},
		{ID: "severe", Words: "Severe pain", Level: "today", To: content.Forever, KeywordsNow: []string{"very painful"}},
	}
	ix := NewWith([]*content.Page{page("a", "Vision", "Your vision. A fever.")}, Options{Lang: "en", Synonyms: syn, Signs: signs})
	checkSignNamed(t, ix, []signCase{
		{"will it affect my vision", ""},
		{"can it cause a fever", ""},
		{"can it cause a fever or chills", ""},
		{"will it hurt my eye", ""}, // the keyword "eye hurts" starts with "hurt"... not here: "hurt my eye" is not it
		{"is it very painful", ""},  // keywords_now in a question
		{"my vision, will it affect", "eye"},
		{"it will affect my vision", "eye"}, // not a question: "it" comes first
		{"did it affect my vision", "eye"},  // "did" is not a word of asking
		{"will it affect my vision? fever", "fever"},
		{"is it normal to have a fever", "fever"},
		{"is it normal that it can affect my vision", "eye"},
		{"will it cause, my vision", "eye"},
		{"can it cause my eye hurts", ""},
		{"will it go away vision", "eye"}, // no verb of may_cause
	})
}
