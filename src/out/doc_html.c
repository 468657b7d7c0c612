/* doc_html.c - the report document (doc.h) as one self-contained, printable
 * html file: inline CSS and inline SVG only, no scripts, nothing fetched
 * (its Content-Security-Policy forbids every load). Printed on A4 a table
 * or chart is never split across pages and each case-rated standard starts
 * a page. For screen readers: table captions and header cells with scope,
 * charts as role="img" with a title and a description giving every figure,
 * bands in words beside every bar (never by colour alone). CTX is a struct
 * doc_out.
 */
#include "config.h"

#include <string.h>

#include "out/doc.h"

static const char style[] =
"@page{size:A4;margin:16mm 15mm}\n"
"body{font:11pt/1.35 \"DejaVu Sans\",Arial,sans-serif;color:#111;max-width:50em;"
"margin:1em auto;padding:0 1em}\n"
"h1{font-size:20pt;margin:0 0 .4em}h2{font-size:16pt;margin:1.2em 0 .4em;"
"border-bottom:2px solid #333}h3{font-size:13pt;margin:1em 0 .3em}"
"h4{font-size:11pt;margin:1em 0 .3em}\n"
"dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:0 0 1em}"
"dl.meta dt{font-weight:bold}dl.meta dd{margin:0}\n"
"table{border-collapse:collapse;width:100%;margin:.4em 0 1em}"
"caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
"th,td{border:1px solid #777;padding:.25em .45em;vertical-align:top;text-align:left}"
"thead th{background:#e8e8e8}td.n,th.n{text-align:right;width:5.2em}td.n{white-space:nowrap}\n"
"table.figures{table-layout:fixed}\n"
"tbody th{font-weight:normal}tr.group th{background:#f2f2f2;font-weight:bold}tr.total th,tr.total td{font-weight:bold;"
"border-top:2px solid #333}\n"
"p.statement{font-style:italic;margin:.3em 0}p.rating{margin:.3em 0}"
"p.warning{border:2px solid #000;padding:.4em}\n"
"a.applied{font-weight:bold;color:inherit}aside.notes p{margin:.3em 0}"
"figure{margin:.4em 0 1em}figcaption{font-size:10pt}svg{width:100%;height:auto}\n"
"@media print{body{max-width:none;margin:0;padding:0}"
"table,figure,aside.notes{break-inside:avoid;page-break-inside:avoid}"
"h2,h3,h4{break-after:avoid;page-break-after:avoid}"
"h2.domain{break-before:page;page-break-before:always}"
"section.page{break-before:page;page-break-before:always}"
"h2.domain+section.page{break-before:auto;page-break-before:auto}"
"a{text-decoration:none}}\n";

/* S with html's special characters escaped */
static void
put(FILE *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
}

/* an id attribute's value: anchors are ids and dots, already safe, but
 * escaped all the same */
#define put_id put

static void
html_begin(void *ctx, const char *title)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"yjinspect " PACKAGE_VERSION "\">\n<title>", out);
	put(out, title);
	fprintf(out, ": inspection ratings</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<header>\n<h1>", style);
	put(out, title);
	fputs("</h1>\n<dl class=\"meta\">\n", out);
}

/* a standard's notes end where anything else begins */
static void
close_notes(struct doc_out *o)
{
	if (o->notes_open) {
		fputs("</aside>\n", o->fp);
		o->notes_open = 0;
	}
}

/* the title block is open from begin to the first heading */
static void
close_header(struct doc_out *o)
{
	if (!o->header_done) {
		fputs("</dl>\n</header>\n<main>\n", o->fp);
		o->header_done = 1;
	}
}

static void
html_meta(void *ctx, const char *label, const char *value)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	fputs("<dt>", out);
	put(out, label);
	fputs("</dt><dd>", out);
	put(out, value);
	fputs("</dd>\n", out);
}

static void
html_section_begin(void *ctx, const char *anchor, int new_page)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	close_header(o);
	fputs(new_page ? "<section class=\"page\" id=\"" : "<section id=\"", out);
	put_id(out, anchor);
	fputs("\">\n", out);
}

static void
html_section_end(void *ctx)
{
	fputs("</section>\n", ((struct doc_out *)ctx)->fp);
}

static void
html_heading(void *ctx, int level, const char *anchor, const char *text)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;
	close_notes(o);

	close_header(o);
	fprintf(out, "<h%d%s id=\"", level, level == 2 && strncmp(anchor, "domain-", 7) == 0 ?
	    " class=\"domain\"" : "");
	put_id(out, anchor);
	fputs("-h\">", out);
	put(out, text);
	fprintf(out, "</h%d>\n", level);
}

static void
html_para(void *ctx, enum doc_para kind, const char *text)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;
	close_notes(o);

	switch (kind) {
	case DOC_STATEMENT:
		fputs("<p class=\"statement\">", out);
		put(out, text);
		break;
	case DOC_RATING:
		fputs("<p class=\"rating\"><strong>", out);
		put(out, text);
		fputs("</strong>", out);
		break;
	case DOC_WARNING:
		close_header(o);
		fputs("<p class=\"warning\" role=\"note\"><strong>", out);
		put(out, text);
		fputs("</strong>", out);
		break;
	case DOC_PLAIN:
		fputs("<p>", out);
		put(out, text);
		break;
	}
	fputs("</p>\n", out);
}

static void
html_table_begin(void *ctx, const char *caption, size_t ncols, const char *const *head,
    int figures)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;
	close_notes(o);

	o->figures = figures;
	fputs(figures ? "<table class=\"figures\">\n<caption>" : "<table>\n<caption>", out);
	put(out, caption);
	fputs("</caption>\n<thead><tr>", out);
	for (size_t i = 0; i < ncols; i++) {
		fputs(i && figures ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">", out);
		put(out, head[i]);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
}

static void
html_table_row(void *ctx, enum doc_row kind, size_t ncols, const char *const *cells,
    const char *mark, const char *footnote)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	if (kind == DOC_ROW_GROUP) {
		fprintf(out, "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"%zu\">", ncols);
		put(out, cells[0]);
		fputs("</th></tr>\n", out);
		return;
	}
	fputs(kind == DOC_ROW_TOTAL ? "<tr class=\"total\">" : "<tr>", out);
	fputs("<th scope=\"row\">", out);
	put(out, cells[0]);
	if (mark) {
		fputs(" <a class=\"applied\" href=\"#", out);
		put_id(out, footnote ? footnote : "");
		fputs("\">", out);
		put(out, mark);
		fputs("</a>", out);
	}
	fputs("</th>", out);
	for (size_t i = 1; i < ncols; i++) {
		fputs(o->figures ? "<td class=\"n\">" : "<td>", out);
		put(out, cells[i]);
		fputs("</td>", out);
	}
	fputs("</tr>\n", out);
}

static void
html_table_end(void *ctx)
{
	fputs("</tbody>\n</table>\n", ((struct doc_out *)ctx)->fp);
}

/* The chart's geometry, in SVG user units */
#define C_W 760		/* the whole width */
#define C_X0 64		/* where 0% is */
#define C_SCALE 4	/* units per percentage point: 100% is 400 */
#define C_TOP 26	/* room for the boundary labels */
#define C_ROW 30
#define C_BAR 18

static void
html_chart(void *ctx, const char *anchor, const char *caption, const struct doc_bar *bars,
    size_t n, const int *bounds, const char *const *bound_labels, size_t nbounds)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;
	close_notes(o);
	int h = C_TOP + (int)n * C_ROW + 8;

	fputs("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ", out);
	fprintf(out, "%d %d\" aria-labelledby=\"", C_W, h);
	put_id(out, anchor);
	fputs("-t ", out);
	put_id(out, anchor);
	fputs("-d\">\n<title id=\"", out);
	put_id(out, anchor);
	fputs("-t\">", out);
	put(out, caption);
	fputs("</title>\n<desc id=\"", out);
	put_id(out, anchor);
	fputs("-d\">", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "%s%s: ", i ? "; " : "", bars[i].id);
		if (bars[i].percent >= 0)
			fprintf(out, "%d%% ", bars[i].percent);
		put(out, bars[i].band);
	}
	fputs(".</desc>\n", out);
	/* the scale's frame: 0 and 100% */
	fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
	    "stroke=\"#999\"/>\n", C_X0, C_TOP - 4, 100 * C_SCALE, (int)n * C_ROW + 4);
	for (size_t i = 0; i < n; i++) {
		int y = C_TOP + (int)i * C_ROW;

		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\">%s</text>\n",
		    C_X0 - 8, y + C_BAR - 4, bars[i].id);
		if (bars[i].percent > 0)
			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			    "fill=\"#8c8c8c\"/>\n", C_X0, y + 2, bars[i].percent * C_SCALE, C_BAR);
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\">", C_X0 + 100 * C_SCALE + 10,
		    y + C_BAR - 4);
		if (bars[i].percent >= 0)
			fprintf(out, "%d%% ", bars[i].percent);
		put(out, bars[i].band);
		fputs("</text>\n", out);
	}
	/* the band boundaries, drawn over the bars */
	for (size_t b = 0; b < nbounds; b++) {
		int x = C_X0 + bounds[b] * C_SCALE;

		fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" "
		    "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n", x, C_TOP - 6, x,
		    C_TOP + (int)n * C_ROW);
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%d%%"
		    "</text>\n", x, C_TOP - 10, bounds[b]);
	}
	fputs("</svg>\n<figcaption>", out);
	put(out, caption);
	fputs(" (", out);
	for (size_t b = 0; b < nbounds; b++) {
		fprintf(out, "%s%d%%: ", b ? "; " : "", bounds[b]);
		put(out, bound_labels[b]);
		fputs(" from here", out);
	}
	fputs(").</figcaption>\n</figure>\n", out);
}

static void
html_list(void *ctx, const char *title, const char *const *items, size_t n)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;
	close_notes(o);

	fputs("<h4>", out);
	put(out, title);
	fputs("</h4>\n<ul>\n", out);
	for (size_t i = 0; i < n; i++) {
		fputs("<li>", out);
		put(out, items[i]);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

static void
html_footnote(void *ctx, const char *anchor, const char *mark, const char *text)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	if (!o->notes_open) {
		fputs("<aside class=\"notes\">\n", out);
		o->notes_open = 1;
	}
	fputs("<p id=\"", out);
	put_id(out, anchor);
	fputs("\"><span class=\"mark\">", out);
	put(out, mark);
	fputs("</span> ", out);
	put(out, text);
	fputs("</p>\n", out);
}

static void
html_section_end_notes(void *ctx)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	if (o->notes_open) {
		fputs("</aside>\n", out);
		o->notes_open = 0;
	}
	html_section_end(ctx);
}

static void
html_end(void *ctx)
{
	struct doc_out *o = ctx;
	FILE *out = o->fp;

	close_header(o);
	fputs("</main>\n</body>\n</html>\n", out);
}

const struct doc_emit doc_html = {
	html_begin, html_meta, html_section_begin, html_section_end_notes, html_heading,
	html_para, html_table_begin, html_table_row, html_table_end, html_chart,
	html_list, html_footnote, html_end,
};
