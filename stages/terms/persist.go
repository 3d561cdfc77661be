package terms

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// countsMagic starts a file of WriteCounts; the number is the format's version.
const countsMagic = "govreports terms counts 1\n"

// maxCountsString bounds a word, part of speech or report id read back, so
// that a damaged file cannot make ReadCounts allocate at will.
const maxCountsString = 1 << 12

// WriteCounts writes the word counts of every report added, so that another
// Counter can take them with ReadCounts: each shard of a sharded run writes
// its reports' counts and the commit ranks the terms over all of them, as a
// single run would. The file is the vocabulary (word, part of speech) and,
// per report in report id order, (word index, count) pairs as uvarints.
func (c *Counter) WriteCounts(w io.Writer) error {
	c.mu.RLock()
	defer c.mu.RUnlock()
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	uint := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(s string) {
		uint(uint64(len(s)))
		bw.WriteString(s)
	}
	bw.WriteString(countsMagic)
	uint(uint64(len(c.words)))
	for id, word := range c.words {
		str(word)
		str(c.pos[id])
	}
	ids := make([]string, 0, len(c.reports))
	for id := range c.reports {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	uint(uint64(len(ids)))
	for _, id := range ids {
		str(id)
		list := c.reports[id]
		uint(uint64(len(list)))
		for _, wc := range list {
			uint(uint64(wc.id))
			uint(uint64(wc.count))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("terms: write counts: %w", err)
	}
	return nil
}

// ReadCounts adds the reports of a file of WriteCounts, as if their words
// had been added with Add. A report already in c is an error; after an
// error c holds part of the file and should be dropped.
func (c *Counter) ReadCounts(r io.Reader) error {
	if err := c.readCounts(bufio.NewReader(r)); err != nil {
		return fmt.Errorf("terms: read counts: %w", err)
	}
	return nil
}

func (c *Counter) readCounts(br *bufio.Reader) error {
	magic := make([]byte, len(countsMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != countsMagic {
		return errors.New("not a file of word counts")
	}
	num := func(limit uint64) (uint64, error) {
		v, err := binary.ReadUvarint(br)
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		if err == nil && v > limit {
			err = fmt.Errorf("number %d is out of range", v)
		}
		return v, err
	}
	str := func() (string, error) {
		n, err := num(maxCountsString)
		if err != nil {
			return "", err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", io.ErrUnexpectedEOF
		}
		return string(b), nil
	}
	words, err := num(math.MaxInt32)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]int32, 0, min(words, 1<<16)) // the file's word index → c's id
	for range words {
		word, err := str()
		if err != nil {
			return err
		}
		pos, err := str()
		if err != nil {
			return err
		}
		ids = append(ids, c.intern(word, pos))
	}
	reports, err := num(math.MaxInt32)
	if err != nil {
		return err
	}
	for range reports {
		id, err := str()
		if err != nil {
			return err
		}
		if _, dup := c.reports[id]; dup {
			return fmt.Errorf("report %s is counted twice", id)
		}
		n, err := num(uint64(len(ids)))
		if err != nil {
			return err
		}
		list := make([]wordCount, 0, n)
		seen := make(map[int32]bool, n)
		for range n {
			k, err := num(uint64(len(ids) - 1))
			if err != nil {
				return err
			}
			count, err := num(math.MaxInt32)
			if err != nil {
				return err
			}
			if seen[ids[k]] || count == 0 {
				return fmt.Errorf("report %s: word %d is listed twice or never used", id, k)
			}
			seen[ids[k]] = true
			c.df[ids[k]]++
			list = append(list, wordCount{id: ids[k], count: int32(count)})
		}
		c.reports[id] = list
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return errors.New("data after the last report")
	}
	return nil
}

// intern returns the id of word, adding it to the vocabulary with part of
// speech pos when it is new. c.mu must be held for writing.
func (c *Counter) intern(word, pos string) int32 {
	if id, ok := c.vocab[word]; ok {
		return id
	}
	id := int32(len(c.words))
	w := strings.Clone(word)
	c.vocab[w] = id
	c.words = append(c.words, w)
	c.pos = append(c.pos, pos)
	c.df = append(c.df, 0)
	return id
}
