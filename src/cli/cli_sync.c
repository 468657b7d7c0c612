/* cli_sync.c - yjinspect sync: the engine (sync.h) run on DIR, its report
 * printed (see cli_sync.h and yjinspect(1)). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli_sync.h"
#include "cli/cli_util.h"
#include "team/sync.h"
#include "base/text.h"
#include "store/user.h"
#include "base/xalloc.h"

void
cli_sync_say(const struct sync_report *r)
{
	for (size_t i = 0; i < r->nmsgs; i++)
		text_say(stderr, "yjinspect: %s", r->msgs[i]);
}

/* What the sync of DIR did, on stdout */
static void
print_report(const char *dir, const struct sync_report *r)
{
	if (r->status == SYNC_SYNCED)
		text_say(stdout, "Synced %s %s %s.", dir, r->by_bundle ? "through the bundle" : "with",
		    r->where ? r->where : "the team's repository");
	else if (r->status == SYNC_OUT_OF_REACH)
		text_say(stdout, "Not synced: %s stays committed here and goes at the next sync.", dir);
	else if (r->status != SYNC_FAILED)
		return;
	if (r->nsent)
		text_say(stdout, "  Sent: %zu file%s changed by %s: %s.", r->nsent,
		    r->nsent == 1 ? "" : "s", r->who, r->sent);
	else if (r->status != SYNC_FAILED)
		text_say(stdout, "  Sent: nothing new from here.");
	if (r->status == SYNC_OUT_OF_REACH && r->nsent)
		text_say(stdout, "  (kept in this folder's git history until then)");
	if (r->ncame == 0 && r->nalso == 0 && r->status == SYNC_SYNCED)
		text_say(stdout, "  Came in: nothing new.");
	for (size_t i = 0; i < r->ncame; i++)
		text_say(stdout, "  Came in from %s: %zu answer%s in %zu case%s (%s).", r->came[i].who,
		    r->came[i].answers, r->came[i].answers == 1 ? "" : "s", r->came[i].ncases,
		    r->came[i].ncases == 1 ? "" : "s", r->came[i].cases);
	if (r->nalso)
		text_say(stdout, "  Came in too: other changes to %s (notes, facts, findings, "
		    "judgements or conflicts).", r->also);
	if (r->status == SYNC_FAILED)
		return;
	printf("  Conflicts to settle (answer each again in yjinspect):\n");
	for (size_t i = 0; i < r->nconflicts; i++)
		text_say(stdout, "    %s [%s] %s: %s", r->conflicts[i].file, r->conflicts[i].section,
		    r->conflicts[i].key, r->conflicts[i].describe);
	if (r->nconflicts == 0)
		printf("    none\n");
}

int
cli_sync(struct cli_args *a, struct inspection *in)
{
	static const struct option opts[] = {
		{ "bundle", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct sync_report r;
	const char *bundle = NULL, *dir;
	char *who, *ini;
	struct stat st;
	int c, rc, argc = a->argc;
	char **argv = a->argv;

	(void)in;
	while ((c = getopt_long(argc, argv, "b:", opts, NULL)) != -1) {
		if (c != 'b')
			return usage_error("%s", "sync: bad option");
		bundle = optarg;
	}
	if (optind != argc - 1)
		return usage_error("%s", "sync needs DIR [--bundle FILE]");
	dir = argv[optind];
	ini = xasprintf("%s/inspection.ini", dir);
	if (stat(ini, &st) < 0) {
		text_say(stderr, "yjinspect: %s: not an inspection folder (no inspection.ini)", dir);
		free(ini);
		return 1;
	}
	free(ini);
	who = user_name();
	sync_run(dir, bundle, who, 0, &r);
	free(who);
	cli_sync_say(&r);
	print_report(dir, &r);
	rc = r.status == SYNC_SYNCED ? 0 : r.status == SYNC_OUT_OF_REACH ? 3 : 1;
	sync_report_free(&r);
	return rc;
}
