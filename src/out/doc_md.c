/* doc_md.c - the report document (doc.h) as markdown: headings, pipe
 * tables with the figures right-aligned, the chart as a list of key
 * questions with their % and band in words, notes as paragraphs. Every
 * text is escaped so that no character of a service name, a statement or
 * a finding is read as markdown (nor a list, a rule or an entity). CTX is a struct doc_out.
 */
#include "config.h"

#include <string.h>

#include "out/doc.h"

/* S with markdown's special characters escaped (entities too: "&" is "\&") */
static void
put(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("|\\*_`<>[]#~&", *s))
			fputc('\\', out);
		fputc(*s, out);
	}
}

/* S at the start of a block (a paragraph, a list item): also what would
 * begin a list, a rule or a heading underline ("- x", "+ x", "1. x",
 * "---", "===") is escaped */
static void
put_block(FILE *out, const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if (s[0] == '-' || s[0] == '+' || s[0] == '=')
		fputc('\\', out);
	else if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
		fwrite(s, 1, digits, out);
		fputc('\\', out);
		s += digits;
	}
	put(out, s);
}

static void
md_begin(void *ctx, const char *title)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	fputs("# ", out);
	put(out, title);
	fputs("\n\n", out);
}

static void
md_meta(void *ctx, const char *label, const char *value)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	put_block(out, label);
	fputs(": ", out);
	put(out, value);
	fputs("  \n", out);
}

static void
md_section_begin(void *ctx, const char *anchor, int new_page)
{
	(void)ctx;
	(void)anchor;
	(void)new_page;
}

static void
md_section_end(void *ctx)
{
	(void)ctx;
}

static void
md_heading(void *ctx, int level, const char *anchor, const char *text)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	(void)anchor;
	fprintf(out, "\n%.*s ", level, "######");
	put(out, text);
	fputs("\n\n", out);
}

static void
md_para(void *ctx, enum doc_para kind, const char *text)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	switch (kind) {
	case DOC_STATEMENT:
		fputs("> ", out);
		put_block(out, text);
		break;
	case DOC_RATING:
	case DOC_WARNING:
		fputs("**", out);
		put(out, text);
		fputs("**", out);
		break;
	case DOC_PLAIN:
		put_block(out, text);
		break;
	}
	fputs("\n\n", out);
}

static void
md_table_begin(void *ctx, const char *caption, size_t ncols, const char *const *head,
    int figures)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	(void)caption;	/* a markdown table has none: the heading above says it */
	fputs("|", out);
	for (size_t i = 0; i < ncols; i++) {
		fputc(' ', out);
		put(out, head[i]);
		fputs(" |", out);
	}
	fputs("\n|", out);
	for (size_t i = 0; i < ncols; i++)
		fputs(i && figures ? "---:|" : "---|", out);
	fputc('\n', out);
}

static void
md_table_row(void *ctx, enum doc_row kind, size_t ncols, const char *const *cells,
    const char *mark, const char *footnote)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	(void)footnote;
	fputs("| ", out);
	if (kind != DOC_ROW)
		fputs("**", out);
	put(out, cells[0]);
	if (kind != DOC_ROW)
		fputs("**", out);
	if (mark) {
		fputc(' ', out);
		put(out, mark);
	}
	fputs(" |", out);
	for (size_t i = 1; i < ncols; i++) {
		fputc(' ', out);
		if (kind == DOC_ROW_TOTAL)
			fputs("**", out);
		put(out, cells[i]);
		if (kind == DOC_ROW_TOTAL)
			fputs("**", out);
		fputs(" |", out);
	}
	fputc('\n', out);
}

static void
md_table_end(void *ctx)
{
	fputc('\n', ((struct doc_out *)ctx)->fp);
}

static void
md_chart(void *ctx, const char *anchor, const char *caption, const struct doc_bar *bars,
    size_t n, const int *bounds, const char *const *bound_labels, size_t nbounds)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	(void)anchor;
	(void)bounds;
	(void)bound_labels;
	(void)nbounds;
	put(out, caption);
	fputs(":\n\n", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "- %s: ", bars[i].id);
		if (bars[i].percent >= 0)
			fprintf(out, "%d%% ", bars[i].percent);
		put(out, bars[i].band);
		fputc('\n', out);
	}
	fputc('\n', out);
}

static void
md_list(void *ctx, const char *title, const char *const *items, size_t n)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	fputs("**", out);
	put(out, title);
	fputs("**\n\n", out);
	for (size_t i = 0; i < n; i++) {
		fputs("- ", out);
		put_block(out, items[i]);
		fputc('\n', out);
	}
	fputc('\n', out);
}

static void
md_footnote(void *ctx, const char *anchor, const char *mark, const char *text)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	(void)anchor;
	put(out, mark);
	fputc(' ', out);
	put(out, text);
	fputs("\n\n", out);
}

static void
md_end(void *ctx)
{
	(void)ctx;
}

const struct doc_emit doc_md = {
	md_begin, md_meta, md_section_begin, md_section_end, md_heading, md_para,
	md_table_begin, md_table_row, md_table_end, md_chart, md_list, md_footnote, md_end,
};
