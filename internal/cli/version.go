package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// version is what --version, the kiosk's log and crash reports say: the
// module version, the commit and its date, and the Go version, as the Go
// toolchain recorded them in the binary (see runtime/debug.ReadBuildInfo).
// Nothing needs to be passed with -ldflags: `go build` in a git checkout
// records the commit, and `go install module@version` the version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	return describeBuild(info, ok)
}

// shortVersion is the first line of version: the module version alone.
func shortVersion() string {
	v, _, _ := strings.Cut(version(), "\n")
	return v
}

func describeBuild(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "unknown (built without module information)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var b strings.Builder
	b.WriteString(v)
	if rev != "" {
		fmt.Fprintf(&b, "\ncommit %s", rev)
		if modified {
			b.WriteString(" (with uncommitted changes)")
		}
		if at != "" {
			fmt.Fprintf(&b, ", committed %s", at)
		}
	}
	if info.GoVersion != "" {
		fmt.Fprintf(&b, "\nbuilt with %s", info.GoVersion)
	}
	return b.String()
}
