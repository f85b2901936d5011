package fn

import "crypto/rand"

// UUID is uuid(): a random version-4 UUID in its 36-character text form,
// new for every call.
func UUID() string {
	var u [16]byte
	rand.Read(u[:])         // never fails (crypto/rand guarantees it since Go 1.24)
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	const hex = "0123456789abcdef"
	var b [36]byte
	j := 0
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b[j] = '-'
			j++
		}
		b[j], b[j+1] = hex[c>>4], hex[c&0x0f]
		j += 2
	}
	return string(b[:])
}
