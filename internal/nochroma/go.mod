// This module stands in for github.com/alecthomas/chroma/v2: see doc.go.
module github.com/alecthomas/chroma/v2

go 1.24
