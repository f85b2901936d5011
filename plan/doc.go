// Package plan is the intermediate representation shared by the compiler
// front end, the optimizer, the code generator and the interpreter: the
// app's relations, each continuous query as a tree of logical operators
// over typed expressions, and the physical operator choices. It imports
// nothing of ours, so every stage can depend on it and on nothing else.
package plan
