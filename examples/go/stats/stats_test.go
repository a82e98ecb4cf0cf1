package stats

import (
	"math/rand"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// seedOfRun is the seed of this run: EXAMPLE_SEED when given (to replay a failure), else a
// fresh one. It is always logged, so a failing test says how to reproduce it.
func seedOfRun(t *testing.T) int64 {
	t.Helper()
	seed := time.Now().UnixNano() % (1 << 31)
	if given := os.Getenv("EXAMPLE_SEED"); given != "" {
		v, err := strconv.ParseInt(given, 10, 64)
		if err != nil {
			t.Fatalf("EXAMPLE_SEED=%q is not an integer", given)
		}
		seed = v
	}
	t.Logf("EXAMPLE_SEED=%d", seed)
	return seed
}

func TestMedian(t *testing.T) {
	t.Run("odd count", func(t *testing.T) {
		if got := Median([]float64{3, 1, 2}); got != 2 {
			t.Errorf("Median([3 1 2]) = %v, want 2", got)
		}
	})
	// Deterministic: fails on every run, whatever the seed (a real bug in Median).
	t.Run("even count", func(t *testing.T) {
		if got := Median([]float64{4, 1, 3, 2}); got != 2.5 {
			t.Errorf("Median([4 1 3 2]) = %v, want 2.5", got)
		}
	})
}

// Seed-specific: only seeds whose four draws all fall below 0.5 (one in 16) give all-zero weights.
func TestNormalise(t *testing.T) {
	rng := rand.New(rand.NewSource(seedOfRun(t)))
	weights := make([]float64, 4)
	for i := range weights {
		if w := rng.Float64(); w >= 0.5 {
			weights[i] = w
		}
	}
	sum := 0.0
	for _, w := range Normalise(weights) {
		sum += w
	}
	assert.InDelta(t, 1.0, sum, 1e-9, "weights %v", weights)
}

// Intermittent: the total is read before the slowest worker added its part, about half the time.
func TestParallelSum(t *testing.T) {
	if got := ParallelSum([]int64{1, 2, 3, 4}); got != 10 {
		t.Errorf("ParallelSum([1 2 3 4]) = %d, want 10", got)
	}
}

// tenthsMean is MeanFloat32 of 10,000 readings of 0.1, and the float64 mean of the same readings.
func tenthsMean() (got, want float64) {
	readings := make([]float32, 10_000)
	for i := range readings {
		readings[i] = 0.1
		want += float64(readings[i])
	}
	return float64(MeanFloat32(readings)), want / float64(len(readings))
}

// Tolerance: float32 accumulation misses the float64 reference by about twice the delta allowed.
func TestMeanWithinDelta(t *testing.T) {
	got, want := tenthsMean()
	assert.InDelta(t, want, got, 5e-6)
}

// Tolerance: the same near miss, as a relative error.
func TestMeanWithinEpsilon(t *testing.T) {
	got, want := tenthsMean()
	assert.InEpsilon(t, want, got, 5e-5)
}

// Order-dependent: passes alone and in source order; fails when TestFormatKilometres ran first
// (go test -shuffle), because that test changes DefaultUnit and never puts it back.
func TestFormatDefaultUnit(t *testing.T) {
	if got := Format(1500); got != "1500 m" {
		t.Errorf("Format(1500) = %q, want %q", got, "1500 m")
	}
}

func TestFormatKilometres(t *testing.T) {
	DefaultUnit = "km"
	if got := Format(1500); got != "1.5 km" {
		t.Errorf("Format(1500) = %q, want %q", got, "1.5 km")
	}
}
