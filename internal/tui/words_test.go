package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	embedded "github.com/skinguide/skinguide/content"
	"github.com/skinguide/skinguide/internal/content"
)

// Every word a patient reads around the pages comes from the language's
// ui.yaml, never from Go: this test reads the Go source of the packages
// that draw screens and print sheets, and fails on any string literal that
// is prose. What is left in Go is key names ("enter", "ctrl+c"), symbols,
// layout, log lines for operators and errors for developers.
func TestNoPatientWordsInGo(t *testing.T) {
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	// Names of keys as bubbletea reports them and as help shows them, and
	// other literals that are code, not words for a patient.
	allowed := map[string]bool{}
	for _, s := range strings.Fields(`enter esc backspace tab shift+tab pgup pgdown pgdn home end
		right left ctrl+c ctrl+z ctrl+p ctrl+n any up down space shift+tab
		↑/k ↓/j ←/h →/l ←/→ ↑/↓ n/p ?/esc pgup/b pgdn/f/space
		normal emergency today hours`) { // the last are ids of levels of help, for their styles
		allowed[s] = true
	}
	// Calls whose strings are for operators or developers, never a patient.
	operator := map[string]bool{"slog": true, "log": true, "errors.New": true, "fmt.Errorf": true, "panic": true,
		"Error": true, "Info": true, "Warn": true, "Debug": true, "t.Errorf": true}
	keys := wordKeys()
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		skip := map[*ast.BasicLit]bool{}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ImportSpec:
				skip[n.Path] = true
			case *ast.CallExpr:
				name := callName(n.Fun)
				if operator[name] || operator[name[strings.LastIndex(name, ".")+1:]] || strings.HasPrefix(name, "slog.") {
					ast.Inspect(n, func(m ast.Node) bool {
						if lit, ok := m.(*ast.BasicLit); ok {
							skip[lit] = true
						}
						return true
					})
				}
			case *ast.StructType:
				for _, fl := range n.Fields.List {
					if fl.Tag != nil {
						skip[fl.Tag] = true
					}
				}
			}
			return true
		})
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || skip[lit] {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || allowed[strings.TrimSpace(s)] || !word.MatchString(s) {
				return true
			}
			if keys[s] || placeholderRE.MatchString(s) {
				return true // a ui.yaml key, such as "language_name"
			}
			t.Errorf("%s: %q looks like words for a patient: put it in content/LANG/ui.yaml", fset.Position(lit.Pos()), s)
			return true
		})
	}
}

var placeholderRE = regexp.MustCompile(`^\{[a-z]+\}$`)

// wordKeys are the keys of the built-in English words: ui.yaml, and the
// text of symptoms.yaml.
func wordKeys() map[string]bool {
	keys := map[string]bool{}
	for _, k := range content.BuiltinUI("en").Keys() {
		keys[k] = true
	}
	if g, _ := content.Load(embedded.FS(), "en"); g != nil && g.Symptoms != nil {
		for k := range g.Symptoms.Text {
			keys[k] = true
		}
	}
	return keys
}

func callName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return callName(e.X) + "." + e.Sel.Name
	}
	return ""
}

// Every key the interface reads is in every shipped language's ui.yaml
// itself, not filled in from English (check compares the languages' keys;
// this compares the code's).
func TestEveryLanguageHasEveryWord(t *testing.T) {
	for _, lang := range content.Languages(embedded.FS()) {
		src, err := os.ReadFile(filepath.Join("../../content", lang, "ui.yaml"))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, key := range content.BuiltinUI("en").Keys() {
			if !regexp.MustCompile(`(?m)^` + key + `:`).Match(src) {
				t.Errorf("%s/ui.yaml lacks %s", lang, key)
			}
		}
	}
}
