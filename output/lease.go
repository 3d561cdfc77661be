package output

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"
)

// LeaseKey is the lock object of a dataset: the run that created it is the
// only one that may change the dataset (an unsharded run, or commit) until it
// deletes it. A shard holds a lease of its own (shardLeaseKey), since the
// shards of one run write side by side.
const LeaseKey = "_lease.json"

// DefaultLeaseTimeout is how long a lease lives without being renewed before
// another run may take it over. A live run renews it every fifth of that.
const DefaultLeaseTimeout = 5 * time.Minute

func shardLeaseKey(index, count int) string {
	return "_lease-shard-" + shardName(index, count) + ".json"
}

func isLeaseKey(key string) bool {
	return !strings.Contains(key, "/") && strings.HasPrefix(key, "_lease") && strings.HasSuffix(key, ".json")
}

// LeaseInfo is the content of a lease object: who holds the dataset.
type LeaseInfo struct {
	RunID     string    `json:"run_id"`
	Host      string    `json:"host"`
	PID       int       `json:"pid"`
	StartedAt time.Time `json:"started_at"`
	RenewedAt time.Time `json:"renewed_at"`
}

// stale tells whether the holder of the lease is gone: not renewed within
// timeout, or a process of this host that no longer exists.
func (l LeaseInfo) stale(now time.Time, timeout time.Duration, host string) (bool, string) {
	if age := now.Sub(l.RenewedAt); age > timeout {
		return true, fmt.Sprintf("not renewed for %s (--lease-timeout %s)", age.Round(time.Second), timeout)
	}
	if l.Host == host && l.PID > 0 && !processAlive(l.PID) {
		return true, fmt.Sprintf("process %d of this host is gone", l.PID)
	}
	return false, ""
}

// LeaseHeldError is returned when another live run holds the dataset.
type LeaseHeldError struct {
	Out    string
	Holder LeaseInfo
}

func (e *LeaseHeldError) Error() string {
	h := e.Holder
	return fmt.Sprintf("output: another run is writing %s (run %s, host %s, pid %d, started %s, renewed %s): wait for it to finish; "+
		"if it died, its lease is taken over once --lease-timeout has passed since its last renewal",
		e.Out, h.RunID, h.Host, h.PID, h.StartedAt.UTC().Format(time.RFC3339), h.RenewedAt.UTC().Format(time.RFC3339))
}

// errLeaseLost is the failure of a run whose lease another run took over.
var errLeaseLost = errors.New("output: the lease on the dataset was taken over by another run (this run was not renewing it in time); nothing was committed")

// lease is a held lease, renewed in the background until released.
type lease struct {
	st      store
	key     string
	staging string // where renewals are written before they are moved into place
	info    LeaseInfo
	timeout time.Duration

	stop chan struct{}
	once sync.Once
	wg   sync.WaitGroup
	mu   sync.Mutex
	lost error
}

// acquireLease creates the lease object at key only if it is absent; a
// stale lease is taken over with a warning. It is the first write of a run,
// so a location that cannot be written fails here, before any work.
func acquireLease(ctx context.Context, st store, key, staging string, info LeaseInfo, timeout time.Duration, log *slog.Logger) (*lease, error) {
	if timeout <= 0 {
		timeout = DefaultLeaseTimeout
	}
	now := time.Now().UTC()
	info.StartedAt, info.RenewedAt = now, now
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("output: encode lease: %w", err)
	}
	for attempt := 0; ; attempt++ {
		err := st.CreateExclusive(ctx, key, append(data, '\n'))
		if err == nil {
			break
		}
		if !errors.Is(err, errExists) {
			hint := ""
			if strings.Contains(err.Error(), "credentials") {
				hint = " (no usable credentials: for S3 set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)"
			}
			return nil, fmt.Errorf("output: %s is not writable%s: %w", st, hint, err)
		}
		holder, err := readLease(ctx, st, key)
		if errors.Is(err, errNotFound) && attempt < 3 {
			continue // released in between
		}
		if err != nil {
			return nil, err
		}
		stale, why := holder.stale(time.Now(), timeout, info.Host)
		if !stale || attempt >= 3 {
			return nil, &LeaseHeldError{Out: st.String(), Holder: holder}
		}
		log.Warn("taking over the lease of a dead run", "out", st.String(), "lease", key, "run_id", holder.RunID,
			"host", holder.Host, "pid", holder.PID, "renewed_at", holder.RenewedAt, "why", why)
		if err := st.Delete(ctx, key); err != nil {
			return nil, err
		}
	}
	l := &lease{st: st, key: key, staging: staging, info: info, timeout: timeout, stop: make(chan struct{})}
	// Two runs taking over the same stale lease can both delete it; only the
	// one whose lease is there now holds it.
	if err := l.check(ctx); err != nil {
		return nil, err
	}
	l.wg.Add(1)
	go l.renew(ctx)
	return l, nil
}

func readLease(ctx context.Context, st store, key string) (LeaseInfo, error) {
	var l LeaseInfo
	b, err := st.ReadAll(ctx, key)
	if err != nil {
		return l, err
	}
	if err := json.Unmarshal(b, &l); err != nil {
		// Not ours to read: treat it as abandoned long ago, so that it can be taken over.
		return LeaseInfo{RunID: "unreadable lease: " + err.Error()}, nil
	}
	return l, nil
}

// check fails unless the lease object is still this run's.
func (l *lease) check(ctx context.Context) error {
	cur, err := readLease(ctx, l.st, l.key)
	if errors.Is(err, errNotFound) || (err == nil && cur.RunID != l.info.RunID) {
		return fmt.Errorf("%w (now: run %q, host %s, pid %d)", errLeaseLost, cur.RunID, cur.Host, cur.PID)
	}
	return err
}

// renew rewrites the lease every fifth of the timeout, so that a long run
// keeps it and a dead one loses it within the timeout.
func (l *lease) renew(ctx context.Context) {
	defer l.wg.Done()
	t := time.NewTicker(l.timeout / 5)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := l.check(ctx); err != nil {
			l.fail(err)
			return
		}
		l.info.RenewedAt = time.Now().UTC()
		b, err := json.MarshalIndent(l.info, "", "  ")
		if err == nil {
			err = writeObject(ctx, l.st, l.staging, l.key, append(b, '\n'))
		}
		if err != nil && ctx.Err() == nil {
			l.fail(fmt.Errorf("output: renew the lease: %w", err))
			return
		}
	}
}

func (l *lease) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lost == nil {
		l.lost = err
	}
}

// held fails if the lease was lost; it checks the object itself too, so that
// a commit never starts on a dataset another run has taken over.
func (l *lease) held(ctx context.Context) error {
	l.mu.Lock()
	err := l.lost
	l.mu.Unlock()
	if err != nil {
		return err
	}
	return l.check(ctx)
}

// stopRenewing stops the renewals (they write under the staging prefix);
// the lease stays until release.
func (l *lease) stopRenewing() {
	l.once.Do(func() { close(l.stop) })
	l.wg.Wait()
}

// release stops renewing and deletes the lease if it is still this run's.
func (l *lease) release(ctx context.Context) {
	l.stopRenewing()
	if l.check(ctx) == nil {
		_ = l.st.Delete(ctx, l.key)
	}
}

// liveRuns returns the run ids of the leases at st that are not stale.
func liveRuns(ctx context.Context, st store, timeout time.Duration, host string) (map[string]bool, error) {
	keys, err := st.List(ctx, "_lease")
	if err != nil {
		return nil, err
	}
	live := map[string]bool{}
	for _, k := range keys {
		if !isLeaseKey(k) {
			continue
		}
		l, err := readLease(ctx, st, k)
		if errors.Is(err, errNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if stale, _ := l.stale(time.Now(), timeout, host); !stale {
			live[l.RunID] = true
		}
	}
	return live, nil
}

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "unknown"
	}
	return h
}
