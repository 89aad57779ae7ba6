// Package content holds the content pack shipped inside the binary. The
// folder is itself a content root: `skinguide check content` and
// `skinguide --content content` read exactly what is embedded here.
package content

import (
	"embed"
	"io/fs"
)

//go:embed */*.yaml */faq/*.md */timeline/*.md */pages/*.md
var files embed.FS

// FS returns the embedded content root, with one folder per language.
func FS() fs.FS { return files }
