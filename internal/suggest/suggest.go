// Package suggest finds the nearest of some known names to one that was
// mistyped, for messages like "no page "day-22"; did you mean day-2?".
package suggest

import "sort"

// Closest returns up to n of the candidates nearest to s by edit distance,
// nearest first, leaving out any that share almost nothing with it.
func Closest(s string, candidates []string, n int) []string {
	type scored struct {
		id   string
		dist int
	}
	var all []scored
	for _, c := range candidates {
		d := Distance(s, c)
		if d <= max(len(s), len(c))*2/3 {
			all = append(all, scored{c, d})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].dist != all[j].dist {
			return all[i].dist < all[j].dist
		}
		return all[i].id < all[j].id
	})
	out := []string{}
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].id)
	}
	return out
}

// Distance is the edit (Levenshtein) distance between two strings, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
