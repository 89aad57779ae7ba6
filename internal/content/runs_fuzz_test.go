package content

import "testing"

// The cheap test in front of the data: URI expression must never hide a
// match: whenever the expression matches, mayHaveDataURI is true.
func FuzzDataURIPrefilter(f *testing.F) {
	for _, seed := range []string{
		"", "data:", "![x](data:image/png;base64,AAAA)", "DATA:TEXT/HTML,x", "DaTa:image/svg+xml;x",
		"metadata:image/png;", "data : image/png;", "data:image/png", "x\ndata:a/b,", "data:\u212a/b;",
		"ｄata:image/png;", "a:b:c:data:x/y;",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if dataURI.Match(src) && !mayHaveDataURI(src) {
			t.Fatalf("the prefilter hides a data: URI in %q", src)
		}
	})
}
