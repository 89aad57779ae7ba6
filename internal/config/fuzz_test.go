package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Whatever the file holds, it gives a consistent config or one line naming
// the file, never a panic, and never control characters in text.
func FuzzFile(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "..", "docs", "deploy", "config.example.toml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		string(example),
		"[kiosk]\nidle = \"3m\"\n",
		"clinic = { name = \"x\", fax = 1 }\n",
		"[clinic]\nname = \"a\\u001bb\"\n",
		"[[kiosk]]\nidle = 1\n",
		"a.b.c = 1\n[kiosk.x]\n",
		"[display]\ntheme = \"dark\nlang = \"en\"\n",
		"\"quoted key\" = 1\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		const path = "/etc/skinguide/config.toml"
		settings, err := parseFile(path, []byte(doc))
		var c Config
		if err == nil {
			c, err = build(settings, nil)
		}
		if err != nil {
			msg := err.Error()
			if strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("error is more than one line: %q", msg)
			}
			if !strings.HasPrefix(msg, path+":") {
				t.Fatalf("error does not name the file: %q", msg)
			}
			return
		}
		for _, s := range []string{c.Clinic.Name, c.Clinic.Phone, c.Clinic.Hours, c.Clinic.Website, c.StaffExitKey, c.Content, c.Log, string(c.Theme), c.Lang} {
			for _, r := range s {
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
					t.Fatalf("control character %U accepted in %q", r, s)
				}
			}
		}
		if c.Warning >= c.Idle || (c.StaffExitKey == "") != (c.StaffPIN == "") {
			t.Fatalf("inconsistent config accepted: %+v", c)
		}
	})
}
