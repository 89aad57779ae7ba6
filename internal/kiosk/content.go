package kiosk

import (
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"

	"github.com/skinguide/skinguide/internal/content"
)

// Content is the guide a kiosk shows. A kiosk never blanks because of its
// content: when the clinic's folder cannot be read or has errors, it shows
// the built-in content (or keeps the last good content) and logs why.
//
// It is safe for concurrent use, though a kiosk uses it from one place at
// a time: the command line between runs of the app, and the app's Update
// at an idle reset (Reload).
type Content struct {
	dir, lang string
	numbers   content.Numbers // the clinic's numbers, put into every guide
	builtin   fs.FS
	log       *slog.Logger

	mu    sync.Mutex
	guide *content.Guide
	seen  string // fingerprint of dir at the last look, good or bad; "" before any
}

// LoadContent loads the guide of the kiosk: the clinic's folder dir in
// language lang when dir is set and valid, else the built-in content in
// builtin (in lang, or English when the built-in content lacks lang). It
// fails only when the built-in content cannot be loaded, which is a bug.
// Every guide it gives carries the clinic's numbers (content.Expand).
func LoadContent(dir, lang string, numbers content.Numbers, builtin fs.FS, log *slog.Logger) (*Content, error) {
	c := &Content{dir: dir, lang: lang, numbers: numbers, builtin: builtin, log: orDiscard(log)}
	if dir != "" {
		if g := c.loadFirst(); g != nil {
			c.guide = g
			c.log.Info("content", "source", dir, "pages", len(g.All()))
			return c, nil
		}
	}
	g, err := c.loadBuiltin()
	if err != nil {
		return nil, err
	}
	c.guide = g
	c.log.Info("content", "source", "built-in", "lang", g.Lang, "pages", len(g.All()))
	return c, nil
}

// loadFirst loads the clinic's folder at start, or logs why it cannot.
func (c *Content) loadFirst() *content.Guide {
	fp, err := Fingerprint(os.DirFS(c.dir))
	if err != nil {
		c.seen = "error: " + err.Error() // see Reload
		c.log.Error("cannot read the clinic's content folder; showing the built-in content", "folder", c.dir, "err", err)
		return nil
	}
	c.seen = fp
	g, why := c.loadDir()
	if g == nil {
		c.log.Error("the clinic's content has errors; showing the built-in content until it is fixed",
			"folder", c.dir, "first", why)
	}
	return g
}

// Guide is the content to show now.
func (c *Content) Guide() *content.Guide {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.guide
}

// Reload looks at the clinic's folder and returns its content when it has
// changed since the last look and is valid; otherwise nil, and the kiosk
// keeps what it shows. The app calls it at each idle reset only, so that
// nobody's page changes while they read. Looking costs one walk of the
// folder (see Fingerprint); a folder that did not change is not read.
func (c *Content) Reload() *content.Guide {
	if c.dir == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fp, err := Fingerprint(os.DirFS(c.dir))
	if err != nil {
		// Logged once per kind of failure, not at every reset.
		if key := "error: " + err.Error(); key != c.seen {
			c.seen = key
			c.log.Error("cannot read the clinic's content folder; keeping the content shown", "folder", c.dir, "err", err)
		}
		return nil
	}
	if fp == c.seen {
		return nil
	}
	c.seen = fp
	g, why := c.loadDir()
	if g == nil {
		c.log.Error("the clinic's content changed but has errors; keeping the content shown",
			"folder", c.dir, "first", why)
		return nil
	}
	c.guide = g
	c.log.Info("content reloaded", "source", c.dir, "pages", len(g.All()))
	return g
}

// loadDir loads the clinic's folder; on errors it returns nil and the
// first of them.
func (c *Content) loadDir() (*content.Guide, error) {
	fsys := content.Dir(c.dir)
	g, problems := content.LoadWithTranslations(fsys, c.lang, c.numbers) // translations for the language switch
	if err := problems.Err(); err != nil || g == nil {
		if err == nil {
			err = fmt.Errorf("no content for language %q", c.lang)
		}
		return nil, err
	}
	return g, nil
}

func (c *Content) loadBuiltin() (*content.Guide, error) {
	g, problems := content.LoadWithTranslations(c.builtin, c.lang, c.numbers) // translations for the language switch
	if problems.Errors() == 0 && g != nil {
		return g, nil
	}
	if c.lang != "en" {
		c.log.Error("the built-in content has no such language; showing English", "lang", c.lang)
		if g, problems := content.Load(c.builtin, "en"); problems.Errors() == 0 && g != nil {
			content.Expand(g, c.numbers)
			return g, nil
		}
	}
	return nil, fmt.Errorf("the built-in content has errors: %w", problems.Err())
}
