package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventflux/eventflux-go/codegen"
	"github.com/eventflux/eventflux-go/compiler"
	"github.com/eventflux/eventflux-go/optimizer"
	"github.com/eventflux/eventflux-go/plan"
)

// runExplain prints, per query, the logical plan as checked, the plan after
// every pass that changed it, the rules that fired, and the physical
// operators with their estimated costs.
//
//	efc explain [--disable Rule,Rule] [--passes] app.sql
func runExplain(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("explain", stderr)
	disable := fs.String("disable", "", "comma-separated optimizer passes to skip")
	passes := fs.Bool("passes", false, "list the optimizer passes with why each is correct, and exit")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if *passes {
		io.WriteString(stdout, optimizer.Describe())
		return exitOK
	}
	if len(paths) != 1 {
		fmt.Fprintln(stderr, "usage: efc explain [--disable Rule,…] [--passes] app.sql")
		return exitUsage
	}
	src, err := os.ReadFile(paths[0])
	if err != nil {
		fmt.Fprintf(stderr, "efc explain: %v\n", err)
		return exitFail
	}
	p, err := compiler.Compile(paths[0], string(src))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	opts := optimizer.Options{}
	if *disable != "" {
		opts.Disable = strings.Split(*disable, ",")
	}
	for _, q := range p.Queries {
		fmt.Fprintf(stdout, "== query %d (line %d) ==\n-- logical plan\n%s", q.Index, q.Pos.Line, indentTree(q))
	}
	last := map[*plan.Query]string{}
	for _, q := range p.Queries {
		last[q] = plan.FormatQuery(q)
	}
	opts.Trace = func(pass string, fired bool, q *plan.Query) {
		now := plan.FormatQuery(q)
		if fired && now != last[q] {
			fmt.Fprintf(stdout, "-- query %d after %s\n%s", q.Index, pass, indentTree(q))
			last[q] = now
		}
	}
	if _, err := optimizer.Optimize(p, opts); err != nil {
		fmt.Fprintf(stderr, "efc explain: %v\n", err)
		return exitUsage
	}
	files, genErr := codegen.Generate(p, codegen.Options{Package: "app", Source: paths[0]})
	var sizes map[int]codegen.QuerySize
	if genErr == nil {
		sizes, genErr = codegen.QuerySizes(files)
	}
	for _, q := range p.Queries {
		fmt.Fprintf(stdout, "== query %d: rules fired: %s\n", q.Index, orNone(q.Rules))
		fmt.Fprintf(stdout, "-- physical plan (estimated cost %.1f per event)\n", q.Physical.Cost())
		io.WriteString(stdout, plan.FormatPhysicalText(q.Physical, "  "))
		if genErr != nil {
			fmt.Fprintf(stdout, "-- generated code: %v\n", genErr)
		} else {
			fmt.Fprintf(stdout, "-- generated code: %d lines, %d bytes\n", sizes[q.Index].Lines, sizes[q.Index].Bytes)
		}
	}
	if genErr == nil {
		total := 0
		for _, f := range files {
			total += len(f.Content)
		}
		fmt.Fprintf(stdout, "== generated package: %d bytes in %d file(s)\n", total, len(files))
	}
	return exitOK
}

func indentTree(q *plan.Query) string {
	lines := strings.SplitN(plan.FormatQuery(q), "\n", 2)
	if len(lines) < 2 {
		return ""
	}
	return lines[1]
}

func orNone(rules []string) string {
	if len(rules) == 0 {
		return "none"
	}
	return strings.Join(rules, ", ")
}
