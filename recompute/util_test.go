package recompute

import "reflect"

func equal(a, b any) bool {
	if av, ok := a.([]string); ok && len(av) == 0 {
		bv, ok := b.([]string)
		return ok && len(bv) == 0
	}
	if av, ok := a.([]int); ok && len(av) == 0 {
		bv, ok := b.([]int)
		return ok && len(bv) == 0
	}
	return reflect.DeepEqual(a, b)
}
