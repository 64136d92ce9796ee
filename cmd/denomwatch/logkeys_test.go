package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// camelCase is the one key style of the logs: "round", "blocksLeft", "err".
var camelCase = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// TestLogKeysCamelCase reads every non-test Go file of the module and
// checks the string keys of every slog call (Debug, Info, Warn, Error with
// a message first; With) are camelCase.
func TestLogKeysCamelCase(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, key := range logKeys(call) {
				checked++
				if !camelCase.MatchString(key) {
					t.Errorf("%s: log key %q is not camelCase", fset.Position(call.Pos()), key)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d log keys found: is the walk right?", checked)
	}
}

// logKeys returns the string-literal keys of a slog-style call: after the
// message of Debug/Info/Warn/Error (a string literal first), every other
// argument; for With, every other argument from the first.
func logKeys(call *ast.CallExpr) []string {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	start := 0
	switch sel.Sel.Name {
	case "Debug", "Info", "Warn", "Error":
		if len(call.Args) == 0 || !isString(call.Args[0]) {
			return nil
		}
		start = 1
	case "With":
	default:
		return nil
	}
	var keys []string
	for i := start; i < len(call.Args); i += 2 {
		lit, ok := call.Args[i].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		if s, err := strconv.Unquote(lit.Value); err == nil {
			keys = append(keys, s)
		}
	}
	return keys
}

func isString(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.BinaryExpr:
		return isString(e.X)
	}
	return false
}
