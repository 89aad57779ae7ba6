package content

import "slices"

// Outcome is the answer of "Is this normal?": normal for the day, or the
// level of help that the most urgent sign among the answers needs.
type Outcome struct {
	Day   int
	Level string // "" when it is normal; else a level id
	// Notes say, for each symptom that is normal, by when it fades.
	Notes []string
	// Signs are the warning signs at Level that the answers match.
	Signs []Sign
}

// Normal reports whether nothing chosen is a warning sign.
func (o Outcome) Normal() bool { return o.Level == "" }

// Question returns the one follow-up question worth asking about the
// symptoms chosen on a day, if any: none once an answer is already an
// emergency; otherwise the question that can reveal the most urgent sign
// (the first such, in the order the symptoms are listed).
func (s *Symptoms) Question(signs *Signs, day int, chosen []string) (FollowUp, bool) {
	if signs == nil {
		return FollowUp{}, false
	}
	base := s.Check(signs, day, chosen, nil)
	if base.Level == LevelEmergency {
		return FollowUp{}, false
	}
	best, bestRank, found := FollowUp{}, len(levelIDs)+1, false
	for _, sy := range s.Symptoms {
		if !slices.Contains(chosen, sy.ID) {
			continue
		}
		d, ok := sy.On(day)
		if !ok || d.Ask == "" {
			continue
		}
		f, ok := s.FollowUp(d.Ask)
		if !ok {
			continue
		}
		rank := len(levelIDs)
		for _, a := range f.Answers {
			if sg, ok := signs.Sign(a.Sign); ok {
				rank = min(rank, Rank(sg.Level))
			}
		}
		// Only worth asking when an answer could be more urgent than
		// what the symptoms already say.
		if rank < bestRank && (base.Level == "" || rank < Rank(base.Level)) {
			best, bestRank, found = f, rank, true
		}
	}
	return best, found
}

// Check is the outcome for the symptoms chosen on a day (0 is the
// treatment day), with the answers given to follow-up questions (question
// id -> answer id; nil or missing for none). The most urgent level among
// the chosen symptoms and the answers wins; an unknown symptom id is
// ignored.
func (s *Symptoms) Check(signs *Signs, day int, chosen []string, answers map[string]string) Outcome {
	o := Outcome{Day: day}
	if signs == nil {
		signs = &Signs{}
	}
	rank := len(levelIDs) // normal
	add := func(id string) {
		sg, ok := signs.Sign(id)
		if !ok {
			return
		}
		r := Rank(sg.Level)
		switch {
		case r < rank:
			rank, o.Signs = r, []Sign{sg}
		case r == rank && !slices.ContainsFunc(o.Signs, func(x Sign) bool { return x.ID == sg.ID }):
			o.Signs = append(o.Signs, sg)
		}
	}
	for _, sy := range s.Symptoms {
		if !slices.Contains(chosen, sy.ID) {
			continue
		}
		d, ok := sy.On(max(day, 0))
		if !ok {
			continue
		}
		if d.Sign != "" {
			add(d.Sign)
		}
		made := false
		if d.Ask != "" {
			if f, ok := s.FollowUp(d.Ask); ok {
				for _, a := range f.Answers {
					if a.ID == answers[f.ID] && a.Sign != "" {
						add(a.Sign)
						made = true
					}
				}
			}
		}
		if d.Normal != "" && !made {
			o.Notes = append(o.Notes, d.Normal)
		}
	}
	if rank < len(levelIDs) {
		o.Level = levelIDs[rank]
		o.Notes = nil
	}
	return o
}
