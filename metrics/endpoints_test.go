package metrics_test

import (
	"testing"

	"github.com/denomwatch/denomwatch/metrics"
)

// TestEndpointTrust: each endpoint's lies, and its head, lag and agreement
// once a cross-check saw it.
func TestEndpointTrust(t *testing.T) {
	m := metrics.New()
	m.RegisterRPCEndpoints(func() []metrics.Endpoint {
		return []metrics.Endpoint{
			{Name: "http://liar", Lies: 3, Checked: true, Head: 90, Lag: 10, Agrees: false},
			{Name: "http://honest", Checked: true, Head: 100, Agrees: true},
			{Name: "http://unchecked"},
		}
	})
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range fams {
		for _, mt := range f.GetMetric() {
			if len(mt.GetLabel()) == 0 {
				continue // the registry's own families
			}
			v := mt.GetGauge().GetValue() + mt.GetCounter().GetValue()
			got[f.GetName()+" "+mt.GetLabel()[0].GetValue()] = v
		}
	}
	want := map[string]float64{
		metrics.MetricRPCEndpointLies + " http://liar": 3, metrics.MetricRPCEndpointLies + " http://honest": 0, metrics.MetricRPCEndpointLies + " http://unchecked": 0,
		metrics.MetricRPCEndpointHead + " http://liar": 90, metrics.MetricRPCEndpointHead + " http://honest": 100,
		metrics.MetricRPCEndpointLag + " http://liar": 10, metrics.MetricRPCEndpointLag + " http://honest": 0,
		metrics.MetricRPCEndpointAgrees + " http://liar": 0, metrics.MetricRPCEndpointAgrees + " http://honest": 1,
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s = %v (present %v), want %v", k, g, ok, v)
		}
	}
	if _, ok := got[metrics.MetricRPCEndpointHead+" http://unchecked"]; ok {
		t.Error("an endpoint no cross-check saw has a head")
	}
}
