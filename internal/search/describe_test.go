package search

import (
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// The ways patients describe a warning sign in their own words lead with
// When to call us and that sign: short of breath, a pounding heart, a
// sore eye or a change in sight, pain that is severe now.
func TestSignsInPatientsWords(t *testing.T) {
	checkFirst(t, []firstCase{
		{"en", "my face is swelling up fast", "throat-swelling", "emergency", nil},
		{"en", "my lips are purple", "colour-change", "emergency", nil},
		{"en", "i feel really unwell", "fever-very-unwell", "emergency", nil},
		{"en", "hot and shivery", "fever-very-unwell", "emergency", nil},
		{"en", "still very red on day 10", "still-red-day-7", "hours", nil},
		{"en", "bleeding heavily", "bleeding", "today", nil},
		{"en", "weeping yellow", "pus", "today", nil},
		{"en", "marks in lines", "tracks", "hours", nil},
		{"es", "tengo los labios morados", "colour-change", "emergency", nil},
		{"es", "sigue muy rojo después de 10 días", "still-red-day-7", "hours", nil},
		{"es", "sangra muchísimo", "bleeding", "today", nil},
		{"es", "picor que va a más", "itch-worse", "today", nil},
		{"es", "me tiembla la cara", "numbing-overdose", "emergency", nil},
		{"es", "no se despierta", "faint", "emergency", nil},
		{"en", "ringing ears after numbing cream", "numbing-overdose", "emergency", nil},
		{"en", "i think i have an infection", "getting-worse", "today", nil},
		{"en", "is it infected", "getting-worse", "today", nil},
		{"en", "allergic reaction", "allergic-rash", "today", nil},
		{"en", "i have a cold sore", "cold-sore", "today", nil},
		{"es", "zumbido en los oídos después de la crema anestésica", "numbing-overdose", "emergency", nil},
		{"es", "creo que tengo una infección", "getting-worse", "today", nil},
		{"es", "reacción alérgica", "allergic-rash", "today", nil},
		{"en", "my chest hurts", "heartbeat", "emergency", nil},
		{"en", "it's still bleeding", "bleeding", "today", nil},
		{"en", "eye swollen and painful", "eye-problem", "emergency", nil},
		{"en", "my eye is painful", "eye-problem", "emergency", nil},
		{"en", "i can't stop shaking", "faint", "emergency", nil},
		{"es", "se me hincha la cara muy rápido", "throat-swelling", "emergency", nil},
		{"es", "me duele el pecho", "heartbeat", "emergency", nil},
		{"es", "sigue sangrando", "bleeding", "today", nil},
		{"es", "me duele el ojo", "eye-problem", "emergency", nil},
		{"es", "no paro de temblar", "faint", "emergency", nil},
		{"en", "my lips look blue", "colour-change", "emergency", nil},
		{"en", "my skin is very pale", "colour-change", "emergency", nil},
		{"en", "she went very pale", "colour-change", "emergency", nil},
		{"en", "i feel faint", "faint", "emergency", nil},
		{"en", "he had a fit", "faint", "emergency", nil},
		{"en", "seizure", "faint", "emergency", nil},
		{"en", "she is confused and drowsy", "faint", "emergency", nil},
		{"en", "fever and chills", "fever-very-unwell", "emergency", nil},
		{"en", "i have hay fever and a fever", "fever-very-unwell", "emergency", nil},
		{"en", "dark spots not going away", "patches", "hours", nil},
		{"en", "dark patches", "patches", "hours", nil},
		{"es", "labios azules", "colour-change", "emergency", nil},
		{"es", "está muy pálida", "colour-change", "emergency", nil},
		{"es", "tengo mucho sueño", "faint", "emergency", nil},
		{"es", "fiebre y escalofríos", "fever-very-unwell", "emergency", nil},
		{"es", "manchas oscuras que no se van", "patches", "hours", nil},
		{"en", "my tongue is swelling", "throat-swelling", "emergency", nil},
		{"en", "swollen tongue", "throat-swelling", "emergency", nil},
		{"en", "my throat feels tight", "throat-swelling", "emergency", nil},
		{"en", "my throat is closing", "throat-swelling", "emergency", nil},
		{"en", "my tongue is tingling", "numbing-overdose", "emergency", nil},
		{"en", "my lips are tingling", "numbing-overdose", "emergency", nil},
		{"en", "metal taste", "numbing-overdose", "emergency", nil},
		{"es", "se me hincha la lengua", "throat-swelling", "emergency", nil},
		{"es", "se me cierra la garganta", "throat-swelling", "emergency", nil},
		{"es", "la garganta hinchada", "throat-swelling", "emergency", nil},
		{"es", "hormigueo en la lengua", "numbing-overdose", "emergency", nil},
		{"es", "hormigueo en los labios", "numbing-overdose", "emergency", nil},
		{"en", "short of breath", "breathing", "emergency", nil},
		{"en", "can't catch my breath", "breathing", "emergency", nil},
		{"en", "hard to breathe", "breathing", "emergency", nil},
		{"es", "me falta el aire", "breathing", "emergency", nil},
		{"es", "falta aire", "breathing", "emergency", nil},
		{"es", "no puedo respirar", "breathing", "emergency", nil},
		{"es", "me ahogo", "breathing", "emergency", nil},
		{"es", "respiro mal", "breathing", "emergency", nil},
		{"es", "no me entra el aire", "breathing", "emergency", nil},
		// Typed without accents, as on many keyboards: the stemmer reads
		// "respiración" as "respir" but "respiracion" as itself.
		{"es", "respiracion", "breathing", "emergency", nil},
		{"es", "el dolor va a mas", "getting-worse", "today", nil},

		{"en", "heart pounding", "heartbeat", "emergency", nil},
		{"en", "my heart is pounding", "heartbeat", "emergency", nil},
		{"en", "heart beating fast", "heartbeat", "emergency", nil},
		{"en", "palpitations", "heartbeat", "emergency", nil},
		{"en", "my heart is racing", "heartbeat", "emergency", nil},
		{"en", "racing heart", "heartbeat", "emergency", nil},
		{"es", "el corazón me late muy fuerte", "heartbeat", "emergency", nil},
		{"es", "palpitaciones", "heartbeat", "emergency", nil},

		{"en", "eye hurts", "eye-problem", "emergency", nil},
		{"en", "my eyes hurt", "eye-problem", "emergency", nil},
		{"en", "sore eye", "eye-problem", "emergency", nil},
		{"en", "i can't see well", "eye-problem", "emergency", nil},
		{"en", "i can't see", "eye-problem", "emergency", nil},
		{"en", "i cant see", "eye-problem", "emergency", nil},
		{"en", "I cannot see properly", "eye-problem", "emergency", nil},
		{"en", "i can't see very well", "eye-problem", "emergency", nil},
		{"en", "can't see anything", "eye-problem", "emergency", nil},
		{"en", "can't see out of my eye", "eye-problem", "emergency", nil},
		{"en", "i can barely see", "eye-problem", "emergency", nil},
		{"en", "can't see properly", "eye-problem", "emergency", nil},
		{"en", "my vision is blurry", "eye-problem", "emergency", nil},
		{"en", "everything looks blurry", "eye-problem", "emergency", nil},
		{"en", "my eyesight changed", "eye-problem", "emergency", nil},
		{"es", "me duele el ojo", "eye-problem", "emergency", nil},
		{"es", "me duelen los ojos", "eye-problem", "emergency", nil},
		{"es", "no veo bien", "eye-problem", "emergency", nil},
		{"es", "veo borroso", "eye-problem", "emergency", nil},
		{"es", "lo veo todo borroso", "eye-problem", "emergency", nil},
		{"es", "no veo", "eye-problem", "emergency", nil},
		{"es", "no puedo ver", "eye-problem", "emergency", nil},
		{"es", "casi no veo", "eye-problem", "emergency", nil},
		{"es", "no veo nada", "eye-problem", "emergency", nil},
		{"es", "no veo por un ojo", "eye-problem", "emergency", nil},
		{"es", "veo mal", "eye-problem", "emergency", nil},

		{"en", "it hurts so much", "severe-pain", "today", nil},
		{"en", "it hurts too much", "severe-pain", "today", nil},
		{"en", "is it supposed to hurt this much", "severe-pain", "today", nil},
		{"en", "throbbing pain", "severe-pain", "today", nil},
		{"en", "the pain is unbearable", "severe-pain", "today", nil},
		{"en", "unbearable pain", "severe-pain", "today", nil},
		{"es", "dolor muy fuerte", "severe-pain", "today", nil},
		{"es", "me duele mucho", "severe-pain", "today", nil},
		{"es", "me duele muchísimo", "severe-pain", "today", nil},
		{"es", "dolor insoportable", "severe-pain", "today", nil},
		{"es", "el dolor es insoportable", "severe-pain", "today", nil},
		{"en", "why does it hurt so much", "severe-pain", "today", nil},
		{"en", "is it normal that it hurts so much", "severe-pain", "today", nil},
		{"en", "can't sleep it hurts so much", "severe-pain", "today", nil},
		{"es", "me duele tanto", "severe-pain", "today", nil},
		{"es", "¿por qué me duele tanto?", "severe-pain", "today", nil},

		{"en", "extreme pain", "severe-pain", "today", nil},

		{"en", "red swollen skin spreading", "getting-worse", "today", nil},
		{"en", "hot red skin spreading fast", "redness-spreading-fast", "emergency", nil},
		{"es", "piel caliente que se extiende", "getting-worse", "today", nil},
		{"en", "red lines", "red-streaks", "today", nil},
		{"es", "herpes", "cold-sore", "today", nil},
	})
}

// Questions asked before treatment, and words for what is not a sign,
// name none: "does it hurt a lot?" is not pain now, "I can't see any
// difference" is not a change in sight.
func TestQuestionsThatAreNotSigns(t *testing.T) {
	checkNamesNothing(t, "en", "can I brush my tongue", "tongue", "throat")
	checkNamesNothing(t, "es", "lengua", "garganta")
	// Questions about skin types, scars and the treatment's aims, and
	// everyday words that share a sign's word forms.
	checkNamesNothing(t, "en", "is it safe for darker skin", "darker skin", "can it help dark spots", "dark spots",
		"pigmentation", "discoloration", "does it work on pale skin", "pale skin", "faint scars", "my scars are faint now",
		"faint lines", "fitness", "when can I go back to fitness classes", "confused about aftercare", "hay fever",
		"can i have it with hay fever")
	// Words a typo away from a sign's keyword, which the guide now knows.
	// Questions before treatment: the numbing cream, the risk of
	// infection, an allergy or cold sores to tell the provider about.
	checkNamesNothing(t, "en", "numbing cream", "does the numbing cream hurt", "infection risk", "what is the risk of infection",
		"how do i avoid infection", "allergic to numbing cream", "i have an allergy to nickel", "i get cold sores",
		"i'm prone to cold sores")
	checkNamesNothing(t, "es", "crema anestésica", "riesgo de infección", "cómo evitar una infección", "alergia a la anestesia",
		"soy alérgica a la crema anestésica")
	checkNamesNothing(t, "en", "slight swelling", "slightly red", "how shallow do the needles go",
		"how fast does swelling go down", "will the swelling go down quickly", "is bleeding normal", "shaking hands")
	checkNamesNothing(t, "es", "piel más oscura", "sirve para las manchas", "manchas", "pigmentación", "piel pálida",
		"tengo sueño", "fiebre del heno", "¿puedo hacerlo con fiebre del heno?")
	checkFirst(t, []firstCase{
		// A sore throat and a tongue are not swelling of the throat or
		// tongue; tingling skin is not a tingling tongue or mouth.
		{"en", "sore throat", "", "", nil},
		{"en", "no sore throat", "", "", nil},
		{"en", "tingling", "", "", nil},
		{"en", "my skin is tingling", "", "", nil},
		{"es", "dolor de garganta", "", "", nil},
		{"es", "me duele la garganta", "", "", nil},
		{"es", "hormigueo", "", "", nil},
		{"es", "hormigueo en la piel", "", "", nil},
		{"en", "does it hurt a lot", "", "", []string{"does-it-hurt"}},
		{"en", "will it hurt", "", "", []string{"does-it-hurt"}},
		{"en", "i can't see any difference", "", "", nil},
		// Seeing results, or a doctor, is not a change in sight.
		{"en", "can I see results after one session?", "", "", []string{"when-results"}},
		{"en", "when will I see a difference", "", "", []string{"when-results"}},
		{"en", "i can't see any results", "", "", nil},
		{"en", "i can't see any change", "", "", nil},
		{"en", "can't see any improvement", "", "", nil},
		{"en", "i can't see the difference", "", "", nil},
		{"en", "out of sight", "", "", nil},
		{"es", "¿cuándo veré resultados?", "", "", []string{"when-results"}},
		{"es", "no puedo ver la diferencia", "", "", nil},
		// A heart condition or its medicine, asked about before treatment,
		// is not a heartbeat that is wrong now.
		{"en", "heart medicine before treatment", "", "", nil},
		{"en", "heart medication", "", "", nil},
		{"es", "medicamentos para el corazón", "", "", nil},
		{"es", "tengo el corazón a mil", "heartbeat", "emergency", nil},
		{"es", "el corazón me late muy fuerte", "heartbeat", "emergency", nil},
		{"es", "duele mucho", "", "", []string{"does-it-hurt"}},
		{"es", "¿duele mucho?", "", "", []string{"does-it-hurt"}},
		{"es", "me veo mal", "", "", nil},
		// Asked before treatment, or said with a negation, how strong
		// pain is names no sign.
		{"es", "no me duele mucho", "", "", []string{"does-it-hurt"}},
		{"es", "¿duele tanto?", "", "", []string{"does-it-hurt"}},
		{"es", "no me duele tanto", "", "", []string{"does-it-hurt"}},
		{"es", "no tengo mucho dolor", "", "", nil},
		{"en", "no severe pain", "", "", nil},
		{"en", "will it be very painful", "", "", nil},
	})
	checkNamesNothing(t, "en", "does it hurt so much", "does it hurt much", "it doesn't hurt so much", "it doesn't hurt much",
		"will it hurt much", "the pain is not unbearable")
	checkNamesNothing(t, "es", "no es insoportable", "¿va a doler mucho?")
	// "No me veo bien" (I don't look well) is about how the skin looks, not
	// "no veo bien" (I can't see well); it may find no page at all.
	g, problems := content.Load(embedded.FS(), "es")
	if g == nil {
		t.Fatalf("load es: %v", problems.Err())
	}
	if rs := ForGuide(g).Find("no me veo bien"); len(rs.Signs) > 0 {
		t.Errorf("Find(%q) names %v", "no me veo bien", signIDs(rs.Signs))
	}
	// Nor are these, which may find no page either.
	checkNamesNothing(t, "en", "i can't see the results yet", "i can't see much difference", "i can't see my doctor until monday")
	checkNamesNothing(t, "es", "no veo resultados", "no veo ninguna diferencia", "no veo los resultados", "no veo cambios",
		"no veo ningún cambio", "no veo mejoría", "no veo mucha diferencia", "no puedo ver al médico hasta el lunes")
}

// checkNamesNothing searches the shipped guide of lang for queries that
// must name no sign, whether or not they find a page.
func checkNamesNothing(t *testing.T, lang string, queries ...string) {
	t.Helper()
	g, problems := content.Load(embedded.FS(), lang)
	if g == nil {
		t.Fatalf("load %s: %v", lang, problems.Err())
	}
	ix := ForGuide(g)
	for _, q := range queries {
		if rs := ix.Find(q); len(rs.Signs) > 0 {
			t.Errorf("Find(%q) names %v", q, signIDs(rs.Signs))
		}
	}
}

// A keyword of how the patient feels now names nothing in a question
// about what to expect (a query that starts with a word of asking) or
// right after a negation; a sign's other keywords still do.
func TestKeywordsNow(t *testing.T) {
	signs := []Sign{
		{ID: "severe", Words: "Severe pain", Level: "today", To: content.Forever, KeywordsNow: []string{"hurts so much", "severe pain"}},
		{ID: "fever", Words: "A fever", Level: "today", To: content.Forever, Keywords: []string{"fever", "can't see"}},
	}
	syn := &content.Synonyms{Ignore: []string{"does", "do", "it", "i", "a", "have", "why", "can", "t", "doesn"}, Asking: []string{"does", "do", "can", "is there"}}
	ix := NewWith([]*content.Page{page("a", "Pain", "It hurts so much. A fever.")},
		Options{Lang: "en", Synonyms: syn, Signs: signs})
	checkSignNamed(t, ix, []signCase{
		{"it hurts so much", "severe"},
		{"why does it hurt so much", "severe"},
		{"does it hurt so much", ""},
		{"it doesn't hurt so much", ""},
		{"no severe pain", ""},
		{"is there severe pain", ""},
		{"can it hurt so much", ""},
		{"can't sleep, it hurts so much", "severe"},
		{"do i have a fever", "fever"},
		{"can't see", "fever"},
		{"severe pain", "severe"},
	})
}

// A keyword inside one of a sign's exceptions names nothing: "can't
// see" in "I can't see any difference". Elsewhere in the query, and for
// the other keywords, it still does.
func TestSignExceptions(t *testing.T) {
	signs := []Sign{{ID: "eye", Words: "A change in your sight", Level: "emergency", To: content.Forever,
		Keywords: []string{"can't see", "sight", "blurry"}, Except: []string{"see any difference", "see results", "out of sight"}}}
	syn := &content.Synonyms{Ignore: []string{"i", "can", "t", "the", "of", "my", "a"}}
	ix := NewWith([]*content.Page{page("a", "Results", "You may see a difference. Out of sight.")},
		Options{Lang: "en", Synonyms: syn, Signs: signs})
	checkSignNamed(t, ix, []signCase{
		{"i can't see", "eye"},
		{"i cant see the screen", "eye"},
		{"i can't see any difference", ""},
		{"i can't see the results", ""},
		{"out of sight", ""},
		{"my sight", "eye"},
		{"i can't see any difference and it is blurry", "eye"},
		{"see results", ""},
	})
}

// Words of normal healing alone (red, swollen, warm, itchy, flaking
// skin) name no sign, though a sign's words hold them ("red streaks ...
// from the treated skin"): they are on none of the levels. A keyword
// still names its sign ("still red after a week").
func TestNormalHealingWordsNameNoSign(t *testing.T) {
	flaking := []string{"washing-and-moisturising", "what-is-normal", "day-2", "day-3", "days-4-5"}
	checkFirst(t, []firstCase{
		{"en", "red skin", "", "", nil},
		{"en", "my skin is red and warm", "", "", nil},
		{"en", "swollen red skin", "", "", nil},
		{"en", "red and swollen", "", "", nil},
		{"en", "redness warmth swelling", "", "", nil},
		{"en", "itchy flaky skin", "", "", nil},
		{"en", "treated skin is hot", "", "", nil},
		// Where it is, with normal healing or none: a question about the
		// treatment ("can you do around the eyes?"), not the eye emergency.
		{"en", "around the eyes", "", "", nil},
		{"en", "swelling around the eye", "", "", nil},
		{"en", "puffy under my eyes", "", "", nil},
		{"en", "near my eyes", "", "", nil},
		{"es", "alrededor de los ojos", "", "", nil},
		{"es", "cerca de los ojos", "", "", nil},
		{"es", "hinchazón alrededor del ojo", "", "", nil},
		{"es", "la piel roja", "", "", nil},
		{"es", "piel roja e hinchada", "", "", nil},
		{"es", "la piel caliente", "", "", nil},
		{"es", "rojez calor hinchazón", "", "", nil},
		{"es", "piel tratada roja", "", "", nil},
		{"es", "me pica la piel y se pela", "", "", nil},
		// Swelling around the eyes alone is not a sign (facts.md: with eye
		// pain, a change in sight or a fever it is).
		{"en", "swollen eyes", "", "", nil},
		{"en", "puffy eyes", "", "", nil},
		{"es", "ojos hinchados", "", "", nil},
		{"es", "ojo hinchado", "", "", nil},
		{"en", "swollen eye and eye pain", "eye-problem", "emergency", nil},
		{"en", "swollen eye and blurry", "eye-problem", "emergency", nil},
		{"es", "ojo hinchado y veo borroso", "eye-problem", "emergency", nil},
		{"en", "still red after a week", "still-red-day-7", "hours", nil},
		{"en", "red skin getting worse", "getting-worse", "today", nil},
		{"en", "red streaks from the treated skin", "red-streaks", "today", nil},
		{"es", "la piel sigue roja después de 10 días", "still-red-day-7", "hours", nil},
		{"es", "rayas rojas en la piel", "red-streaks", "today", nil},
		{"es", "la piel roja empeora", "getting-worse", "today", nil},
		// Peeling and flaking are the skin's on days 2-5, not a chemical
		// peel: the answer about them comes first.
		{"en", "peeling", "", "", flaking},
		{"en", "flaking", "", "", flaking},
		{"en", "my skin is peeling", "", "", flaking},
		{"es", "me pela la piel", "", "", flaking},
		{"es", "descamación", "", "", flaking},
	})
}

// A query of only words of normal healing names no sign by the sign's
// words, only by a keyword.
func TestHealingWordsAlone(t *testing.T) {
	signs := []Sign{
		{ID: "streaks", Words: "Rayas rojas que salen de la piel tratada", Level: "today", To: content.Forever, Keywords: []string{"sigue roja"}},
	}
	syn := &content.Synonyms{
		Ignore:  []string{"me", "la", "que", "de", "el"},
		Healing: []string{"piel", "roja", "tratada"},
	}
	ix := NewWith([]*content.Page{page("a", "Rojez", "La piel roja sigue roja.")},
		Options{Lang: "es", Synonyms: syn, Signs: signs})
	tests := []signCase{
		{"la piel roja", ""},
		{"piel tratada roja", ""},
		{"rayas rojas", "streaks"},        // not only healing words
		{"la piel sigue roja", "streaks"}, // a keyword
	}
	checkSignNamed(t, ix, tests)
}

// A keyword that starts with a small word needs it right before its next
// word, though small words are skipped everywhere else: "me duele mucho"
// is pain now, "¿duele mucho?" a question before treatment.
func TestKeywordLeadingSmallWord(t *testing.T) {
	signs := []Sign{{ID: "severe", Words: "Dolor fuerte", Level: "today", To: content.Forever, Keywords: []string{"me duele mucho", "se extiende"}}}
	syn := &content.Synonyms{Ignore: []string{"me", "la", "a", "se", "lo"}}
	ix := NewWith([]*content.Page{page("a", "Dolor", "Duele mucho. Se extiende.")},
		Options{Lang: "es", Synonyms: syn, Signs: signs})
	tests := []signCase{
		{"me duele mucho", "severe"},
		{"a mí me duele mucho la cara", "severe"},
		{"la rojez se extiende", "severe"},
		{"duele mucho", ""},
		{"¿duele mucho?", ""},
		{"me va a doler mucho", ""},
		{"la rojez lo extiende", ""},
	}
	checkSignNamed(t, ix, tests)
}
