package database

import (
	"container/list"
	"context"
	"database/sql/driver"
	"errors"
	"strings"

	"github.com/lib/pq"
)

// Prepared statements, kept per connection. lib/pq sends a query with
// arguments as an unnamed statement: parsed, planned and described on one
// round trip, executed on a second, forgotten after. Varsel asks the same
// few hundred statements again and again (ent writes them, the privacy
// policies add their filters), and at national scale PostgreSQL spent more
// time planning them than running them. cachingConnector's connections
// prepare each statement once and then only bind and execute it: one round
// trip, no parsing, and PostgreSQL may reuse the plan (plan_cache_mode auto
// keeps planning afresh where the arguments matter).

// stmtCacheSize bounds the statements a connection keeps; the least recently
// used is closed first.
const stmtCacheSize = 400

type cachingConnector struct{ driver.Connector }

func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &cachingConn{Conn: conn, stmts: map[string]*list.Element{}, lru: list.New()}, nil
}

// cachingConn is a driver connection that runs queries with arguments as
// prepared statements it keeps. database/sql uses a connection from one
// goroutine at a time, so it needs no lock.
type cachingConn struct {
	driver.Conn
	stmts map[string]*list.Element // of *cachedStmt
	lru   *list.List
}

type cachedStmt struct {
	query string
	stmt  driver.Stmt
}

var (
	_ driver.QueryerContext     = (*cachingConn)(nil)
	_ driver.ExecerContext      = (*cachingConn)(nil)
	_ driver.ConnPrepareContext = (*cachingConn)(nil)
	_ driver.ConnBeginTx        = (*cachingConn)(nil)
	_ driver.NamedValueChecker  = (*cachingConn)(nil)
	_ driver.SessionResetter    = (*cachingConn)(nil)
	_ driver.Validator          = (*cachingConn)(nil)
	_ driver.Pinger             = (*cachingConn)(nil)
)

// prepared returns the statement for query, preparing it the first time.
func (c *cachingConn) prepared(ctx context.Context, query string) (driver.Stmt, error) {
	if e, ok := c.stmts[query]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*cachedStmt).stmt, nil
	}
	stmt, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = c.lru.PushFront(&cachedStmt{query: query, stmt: stmt})
	if c.lru.Len() > stmtCacheSize {
		old := c.lru.Remove(c.lru.Back()).(*cachedStmt)
		delete(c.stmts, old.query)
		old.stmt.Close()
	}
	return stmt, nil
}

// forget drops a statement the server no longer has, or whose plan a
// schema change made stale, so that the next use prepares it again. It is
// not closed: the server has dropped it, or drops it with the connection.
func (c *cachingConn) forget(query string, err error) {
	var pqErr *pq.Error
	if !errors.As(err, &pqErr) ||
		(pqErr.Code != "26000" && !strings.Contains(pqErr.Message, "cached plan must not change result type")) {
		return
	}
	if e, ok := c.stmts[query]; ok {
		c.lru.Remove(e)
		delete(c.stmts, query)
	}
}

// cacheable: statements with arguments. Those without (BEGIN, SET, COPY …)
// go over the simple protocol in one round trip already.
func cacheable(query string, args []driver.NamedValue) bool {
	return len(args) > 0 && !strings.HasPrefix(strings.TrimSpace(strings.ToUpper(query)), "COPY")
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if !cacheable(query, args) {
		return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	}
	stmt, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		c.forget(query, err)
	}
	return rows, err
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if !cacheable(query, args) {
		return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
	}
	stmt, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	res, err := stmt.(driver.StmtExecContext).ExecContext(ctx, args)
	if err != nil {
		c.forget(query, err)
	}
	return res, err
}

// PrepareContext is an explicit Prepare: the caller owns and closes the
// statement, so it is not kept.
func (c *cachingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *cachingConn) CheckNamedValue(nv *driver.NamedValue) error {
	if ch, ok := c.Conn.(driver.NamedValueChecker); ok {
		return ch.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

func (c *cachingConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *cachingConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (c *cachingConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *cachingConn) Close() error {
	for e := c.lru.Front(); e != nil; e = e.Next() {
		e.Value.(*cachedStmt).stmt.Close()
	}
	c.stmts, c.lru = nil, list.New()
	return c.Conn.Close()
}
