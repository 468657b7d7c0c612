/* cond.c - parse and evaluate relevance conditions (see cond.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/cond.h"
#include "base/xalloc.h"

enum cond_op { OP_AND, OP_OR, OP_NOT, OP_TEST };

struct cond {
	enum cond_op op;
	struct cond *a, *b;	/* AND/OR: a, b; NOT: a */
	int fact;		/* TEST */
	int negate;		/* TEST: != */
	int *values;		/* TEST: any of these; NULL = "bool fact is yes" */
	size_t nvalues;
};

struct parser {
	const char *src;
	const char *p;
	const struct cond_vocab *v;
	struct err *e;
	char tok[64];		/* the current token */
	const char *tokpos;	/* where it starts */
	int depth;		/* "not" and "(" open around the current token */
	int nodes;		/* made so far */
};

/* Token kinds are told by their text: an id, or one of ( ) , == != ; "" at end. */
static int
next(struct parser *ps)
{
	const char *p = ps->p;
	size_t n = 0;

	while (isspace((unsigned char)*p))
		p++;
	ps->tokpos = p;
	if (*p == '\0') {
		ps->tok[0] = '\0';
	} else if (*p == '(' || *p == ')' || *p == ',') {
		ps->tok[0] = *p++;
		ps->tok[1] = '\0';
	} else if ((*p == '=' || *p == '!') && p[1] == '=') {
		ps->tok[0] = *p;
		ps->tok[1] = '=';
		ps->tok[2] = '\0';
		p += 2;
	} else if (isalnum((unsigned char)*p) || *p == '_' || *p == '-') {
		while (isalnum((unsigned char)*p) || *p == '_' || *p == '-') {
			if (n + 1 >= sizeof ps->tok)
				return err_set(ps->e, "name too long at column %d",
				    (int)(ps->tokpos - ps->src) + 1);
			ps->tok[n++] = (char)tolower((unsigned char)*p++);
		}
		ps->tok[n] = '\0';
	} else {
		return err_set(ps->e, "unexpected '%c' at column %d", *p,
		    (int)(p - ps->src) + 1);
	}
	ps->p = p;
	return 0;
}

static int
col(const struct parser *ps)
{
	return (int)(ps->tokpos - ps->src) + 1;
}

static int
is_word(const char *t)
{
	return isalnum((unsigned char)t[0]) || t[0] == '_' || t[0] == '-';
}

static int
is_keyword(const char *t)
{
	return strcmp(t, "and") == 0 || strcmp(t, "or") == 0 ||
	    strcmp(t, "not") == 0 || strcmp(t, "in") == 0;
}

static int
expect_desc(struct parser *ps, const char *what)
{
	if (ps->tok[0] == '\0')
		return err_set(ps->e, "expected %s at end of condition", what);
	return err_set(ps->e, "expected %s at column %d, found '%s'", what,
	    col(ps), ps->tok);
}

static struct cond *parse_expr(struct parser *ps);

/* -1 with the error when one more node would make the condition too big */
static int
count_node(struct parser *ps)
{
	if (++ps->nodes > COND_NODES_MAX)
		return err_set(ps->e, "condition too long at column %d: more than %d tests "
		    "and operators", col(ps), COND_NODES_MAX);
	return 0;
}

static struct cond *
node(enum cond_op op, struct cond *a, struct cond *b)
{
	struct cond *c = xcalloc(1, sizeof *c);

	c->op = op;
	c->a = a;
	c->b = b;
	return c;
}

static int
parse_value(struct parser *ps, struct cond *c)
{
	int idx;

	if (!is_word(ps->tok) || is_keyword(ps->tok))
		return expect_desc(ps, "a value");
	idx = ps->v->value(ps->v->ctx, c->fact, ps->tok);
	if (idx < 0)
		return err_set(ps->e, "'%s' is not a value of this fact, at column %d",
		    ps->tok, col(ps));
	c->values = xrealloc(c->values, (c->nvalues + 1) * sizeof *c->values);
	c->values[c->nvalues++] = idx;
	return next(ps);
}

static struct cond *
parse_test(struct parser *ps)
{
	struct cond *c;
	int is_bool = 0, fact, fact_col;
	char name[sizeof ps->tok];

	if (!is_word(ps->tok) || is_keyword(ps->tok)) {
		expect_desc(ps, "a fact");
		return NULL;
	}
	fact = ps->v->fact(ps->v->ctx, ps->tok, &is_bool);
	if (fact < 0) {
		err_set(ps->e, "unknown fact '%s' at column %d", ps->tok, col(ps));
		return NULL;
	}
	if (count_node(ps) < 0)
		return NULL;
	memcpy(name, ps->tok, sizeof name);
	fact_col = col(ps);
	c = node(OP_TEST, NULL, NULL);
	c->fact = fact;
	if (next(ps) < 0)
		goto fail;
	if (strcmp(ps->tok, "==") == 0 || strcmp(ps->tok, "!=") == 0) {
		c->negate = ps->tok[0] == '!';
		if (next(ps) < 0 || parse_value(ps, c) < 0)
			goto fail;
	} else if (strcmp(ps->tok, "in") == 0) {
		if (next(ps) < 0)
			goto fail;
		if (strcmp(ps->tok, "(") != 0) {
			expect_desc(ps, "'(' after 'in'");
			goto fail;
		}
		do {
			if (next(ps) < 0 || parse_value(ps, c) < 0)
				goto fail;
		} while (strcmp(ps->tok, ",") == 0);
		if (strcmp(ps->tok, ")") != 0) {
			expect_desc(ps, "',' or ')'");
			goto fail;
		}
		if (next(ps) < 0)
			goto fail;
	} else if (!is_bool) {
		err_set(ps->e, "fact '%s' at column %d is not yes/no: compare it with == or in",
		    name, fact_col);
		goto fail;
	}
	return c;
fail:
	cond_free(c);
	return NULL;
}

static struct cond *
parse_factor(struct parser *ps)
{
	struct cond *c;
	int nest = strcmp(ps->tok, "not") == 0 || strcmp(ps->tok, "(") == 0;

	if (nest && ps->depth >= COND_DEPTH_MAX) {
		err_set(ps->e, "nested too deeply at column %d: at most %d levels of "
		    "'not' and '('", col(ps), COND_DEPTH_MAX);
		return NULL;
	}
	if (strcmp(ps->tok, "not") == 0) {
		if (count_node(ps) < 0 || next(ps) < 0)
			return NULL;
		ps->depth++;
		c = parse_factor(ps);
		ps->depth--;
		return c ? node(OP_NOT, c, NULL) : NULL;
	}
	if (strcmp(ps->tok, "(") == 0) {
		if (next(ps) < 0)
			return NULL;
		ps->depth++;
		c = parse_expr(ps);
		ps->depth--;
		if (c == NULL)
			return NULL;
		if (strcmp(ps->tok, ")") != 0) {
			expect_desc(ps, "')'");
			cond_free(c);
			return NULL;
		}
		if (next(ps) < 0) {
			cond_free(c);
			return NULL;
		}
		return c;
	}
	return parse_test(ps);
}

static struct cond *
parse_binary(struct parser *ps, const char *word, enum cond_op op,
    struct cond *(*sub)(struct parser *))
{
	struct cond *c = sub(ps), *r;

	while (c != NULL && strcmp(ps->tok, word) == 0) {
		if (count_node(ps) < 0 || next(ps) < 0 || (r = sub(ps)) == NULL) {
			cond_free(c);
			return NULL;
		}
		c = node(op, c, r);
	}
	return c;
}

static struct cond *
parse_term(struct parser *ps)
{
	return parse_binary(ps, "and", OP_AND, parse_factor);
}

static struct cond *
parse_expr(struct parser *ps)
{
	return parse_binary(ps, "or", OP_OR, parse_term);
}

int
cond_parse(const char *src, const struct cond_vocab *vocab, struct cond **out,
    struct err *e)
{
	struct parser ps = { src, src, vocab, e, "", src, 0, 0 };
	struct cond *c;

	*out = NULL;
	if (next(&ps) < 0)
		return -1;
	if (ps.tok[0] == '\0')
		return 0;	/* empty: always true */
	c = parse_expr(&ps);
	if (c == NULL)
		return -1;
	if (ps.tok[0] != '\0') {
		cond_free(c);
		return expect_desc(&ps, "'and', 'or' or the end");
	}
	*out = c;
	return 0;
}

void
cond_free(struct cond *c)
{
	if (c == NULL)
		return;
	cond_free(c->a);
	cond_free(c->b);
	free(c->values);
	free(c);
}

enum cond_value
cond_eval(const struct cond *c, const int *facts)
{
	enum cond_value a, b;
	int v;

	if (c == NULL)
		return COND_TRUE;
	switch (c->op) {
	case OP_NOT:
		a = cond_eval(c->a, facts);
		return a == COND_UNKNOWN ? COND_UNKNOWN :
		    (a == COND_TRUE ? COND_FALSE : COND_TRUE);
	case OP_AND:
		a = cond_eval(c->a, facts);
		if (a == COND_FALSE)
			return COND_FALSE;
		b = cond_eval(c->b, facts);
		if (b == COND_FALSE)
			return COND_FALSE;
		return (a == COND_TRUE && b == COND_TRUE) ? COND_TRUE : COND_UNKNOWN;
	case OP_OR:
		a = cond_eval(c->a, facts);
		if (a == COND_TRUE)
			return COND_TRUE;
		b = cond_eval(c->b, facts);
		if (b == COND_TRUE)
			return COND_TRUE;
		return (a == COND_FALSE && b == COND_FALSE) ? COND_FALSE : COND_UNKNOWN;
	case OP_TEST:
		v = facts[c->fact];
		if (v == COND_UNSET)
			return COND_UNKNOWN;
		if (c->values == NULL)
			return v == 1 ? COND_TRUE : COND_FALSE;
		for (size_t i = 0; i < c->nvalues; i++)
			if (c->values[i] == v)
				return c->negate ? COND_FALSE : COND_TRUE;
		return c->negate ? COND_TRUE : COND_FALSE;
	}
	return COND_UNKNOWN;
}

void
cond_facts(const struct cond *c, void (*fn)(void *arg, int fact), void *arg)
{
	if (c == NULL)
		return;
	if (c->op == OP_TEST)
		fn(arg, c->fact);
	cond_facts(c->a, fn, arg);
	cond_facts(c->b, fn, arg);
}

const struct cond *
cond_why_false(const struct cond *c, const int *facts)
{
	if (c == NULL || c->op != OP_AND || cond_eval(c, facts) != COND_FALSE)
		return c;
	if (cond_eval(c->a, facts) == COND_FALSE)
		return cond_why_false(c->a, facts);
	return cond_why_false(c->b, facts);
}
