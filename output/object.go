package output

import (
	"context"
	"log/slog"
	"os"
)

// PutObject stores data at key of the dataset at out (a directory or bucket
// URL) the way the dataset's own objects are written: under the lease of
// --out, staged first and moved into place, so that a reader never sees half
// an object and no run's commit interleaves with it. It is for artefacts made
// from a committed dataset, such as the run report; a lease held by another
// run gives a *LeaseHeldError.
func PutObject(ctx context.Context, out, key string, data []byte) error {
	st, err := openStore(ctx, out)
	if err != nil {
		return err
	}
	defer st.Close()
	runID, err := newRunID()
	if err != nil {
		return err
	}
	staging := stagingOf(runID)
	l, err := acquireLease(ctx, st, LeaseKey, staging, LeaseInfo{RunID: runID, Host: hostname(), PID: os.Getpid()}, 0, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer l.release(context.WithoutCancel(ctx))
	if err := writeObject(ctx, st, staging, key, data); err != nil {
		return err
	}
	return st.DeletePrefix(ctx, staging)
}

// ReadObject returns the object at key of the dataset at out; a missing one
// gives an error that errors.Is fs.ErrNotExist.
func ReadObject(ctx context.Context, out, key string) ([]byte, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.ReadAll(ctx, key)
}
