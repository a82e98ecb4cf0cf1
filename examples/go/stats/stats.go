// Package stats holds small numeric helpers with the bugs that make real Go suites flaky:
// one regression, one seed-dependent edge case, one timing race, one float32 accuracy
// problem and one piece of package state that leaks between tests.
package stats

import (
	"math/rand"
	"sort"
	"strconv"
	"sync/atomic"
	"time"
)

// Median of a sorted copy. Bug: an even-length input returns the upper middle, not the mean.
func Median(values []float64) float64 {
	sorted := append([]float64(nil), values...)
	sort.Float64s(sorted)
	return sorted[len(sorted)/2]
}

// Normalise scales weights to sum to one. Edge case: all-zero weights divide by zero (NaN).
func Normalise(weights []float64) []float64 {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	out := make([]float64, len(weights))
	for i, w := range weights {
		out[i] = w / sum
	}
	return out
}

// ParallelSum adds values in goroutines and reads the total after 20 ms: a guess, not a join.
// Each goroutine stands for a call that is usually quick (it adds at once) but now and then slow
// (40 ms, a stalled read). With four values about half the runs have a slow one, and those read
// the total before it added its part. The 20 ms on either side of the read keep these odds when
// the machine is loaded: a goroutine would have to start 20 ms late to turn a pass into a failure.
func ParallelSum(values []int64) int64 {
	var total int64
	// Seeded from the clock on purpose: the stalls stand for I/O and scheduling, not test data.
	jitter := rand.New(rand.NewSource(time.Now().UnixNano()))
	for _, v := range values {
		var delay time.Duration
		if jitter.Float64() < slowOdds {
			delay = 40 * time.Millisecond
		}
		go func(v int64) {
			time.Sleep(delay)
			atomic.AddInt64(&total, v)
		}(v)
	}
	time.Sleep(20 * time.Millisecond)
	return atomic.LoadInt64(&total)
}

// slowOdds is the chance one call stalls: 1 - 0.5^(1/4), so four calls are all quick half the time.
const slowOdds = 0.159

// MeanFloat32 accumulates in float32, as GPU kernels and SIMD loops do: its rounding error
// grows with the count, so a float64 reference differs by a little more than 1e-6.
func MeanFloat32(values []float32) float32 {
	var sum float32
	for _, v := range values {
		sum += v
	}
	return sum / float32(len(values))
}

// DefaultUnit is package state: tests that change it must put it back.
var DefaultUnit = "m"

// Format renders a length given in metres in the default unit.
func Format(metres float64) string {
	if DefaultUnit == "km" {
		metres /= 1000
	}
	return strconv.FormatFloat(metres, 'f', -1, 64) + " " + DefaultUnit
}
