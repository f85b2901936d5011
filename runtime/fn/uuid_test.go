package fn

import "testing"

func TestUUID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		u := UUID()
		if len(u) != 36 {
			t.Fatalf("UUID %q has %d characters, want 36", u, len(u))
		}
		for i, c := range u {
			switch i {
			case 8, 13, 18, 23:
				if c != '-' {
					t.Fatalf("UUID %q: want '-' at %d", u, i)
				}
			default:
				if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
					t.Fatalf("UUID %q: %q at %d is not lower-case hex", u, c, i)
				}
			}
		}
		if u[14] != '4' {
			t.Fatalf("UUID %q is not version 4", u)
		}
		if v := u[19]; v != '8' && v != '9' && v != 'a' && v != 'b' {
			t.Fatalf("UUID %q does not have the RFC 4122 variant", u)
		}
		if seen[u] {
			t.Fatalf("UUID %q repeated", u)
		}
		seen[u] = true
	}
}
