/* tui_case.c - the case on screen, shared by the screens (it is no screen
 * itself): the walk's item kept on a question that applies. */
#include "config.h"

#include "tui/tui.h"

void
tui_case_settle(struct tui *t)
{
	const struct case_file *c;

	if (t->in.ncases == 0)
		return;
	c = &t->in.cases[t->ci];
	if (t->item >= 0 && walk_relevant(&t->walk, c, (size_t)t->item) == COND_TRUE)
		return;
	if (t->item >= 0) {
		int n = walk_step(&t->walk, c, (size_t)t->item, 1);

		t->item = n >= 0 ? n : walk_step(&t->walk, c, (size_t)t->item, -1);
	} else
		t->item = walk_first(&t->walk, c);
}
