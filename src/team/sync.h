/* sync.h - a team's folders brought together through git with no git
 * skills (yjinspect(1), WORKING AS A TEAM): commit, fetch, merge (never
 * rebase) with yjinspect's merge driver, push; or the same through a
 * bundle file. No curses, and nothing printed: what a sync did, and every
 * message, comes back in a struct sync_report for the command line and the
 * terminal UI to show. git is run as a program (fork and exec, no shell),
 * its output captured, its input /dev/null, never asking for a password.
 */
#ifndef YJ_SYNC_H
#define YJ_SYNC_H

#include <stddef.h>

enum sync_status {
	SYNC_SYNCED,		/* went out and came in */
	SYNC_OUT_OF_REACH,	/* the team's repository cannot be reached: this
				 * folder's work stays committed, goes next time */
	SYNC_FAILED,		/* a step failed (the messages say which) */
	SYNC_NOT_SHARED,	/* the folder is in no git repository: nothing done */
	SYNC_NO_GIT		/* git cannot be run: nothing done */
};

/* What came in from one inspector (the name in the answers' stamps) */
struct sync_came {
	char *who;
	size_t answers;		/* answers new or changed */
	size_t ncases;
	char *cases;		/* their case names, "ST-C01, ST-C02" */
};

/* A conflict standing in the folder after the sync */
struct sync_conflict {
	char *file;		/* the case's file name ("ST-C02.ini"), or
				 * "inspection.ini" */
	int is_case;		/* file is a case file */
	char *section;		/* "answers" */
	char *key;		/* "2.1.2.1" */
	char *describe;		/* conflict_describe's text: both sides, who, when */
};

struct sync_report {
	enum sync_status status;
	int by_bundle;		/* through a bundle file, not a remote */
	char *where;		/* "origin (URL)", the bundle file, or NULL
				 * (not known: no remote) */
	char *who;		/* the inspector the sync committed as */
	size_t nsent;		/* files that went out (changed here) */
	char *sent;		/* their names, "ST-C01, inspection.ini", or "" */
	struct sync_came *came;	/* what came in, by inspector */
	size_t ncame;
	char *also;		/* files that came in changed with no answer of
				 * theirs counted (notes, facts, findings,
				 * judgements): "ST-C02, inspection.ini", or "" */
	size_t nalso;
	struct sync_conflict *conflicts;	/* listed when the status is SYNCED or
				 * OUT_OF_REACH (empty otherwise) */
	size_t nconflicts;
	char **msgs;		/* what went wrong, or a warning, each one line
				 * ("sync: DIR: ..."), unprinted, in order; text
				 * from files and git is not cleaned: print each
				 * through text_clean (text_say) */
	size_t nmsgs;
};

/* Sync the inspection folder DIR (its inspection.ini checked by the
 * caller) as the inspector WHO: through its remote, or BUNDLE when not
 * NULL (read if there, then written anew). NO_TERMINAL: git and what it
 * runs get no controlling terminal (a new session), so nothing can ask on
 * /dev/tty nor take the terminal's signals (the terminal UI, under
 * curses). Fills R (free it with sync_report_free) and returns its
 * status. Nothing already saved is lost: a merge that cannot be finished
 * is left to git with every copy kept. */
enum sync_status sync_run(const char *dir, const char *bundle, const char *who,
			  int no_terminal, struct sync_report *r);
void sync_report_free(struct sync_report *r);

/* Make the git repository holding DIR ready for yjinspect, as team init
 * and every sync do: .gitattributes and .gitignore (insp_git_files), git's
 * merge driver recorded with the absolute path of the running program
 * (so that git finds it wherever yjinspect is installed, and again after
 * it moves), pulls set to merge (never rebase), the inspector's name
 * WHO as the repository's own committer name (never the global one; an
 * empty e-mail where git has none), and the driver proved on a small
 * three-way merge before it is trusted. Returns 0, or -1 with the reasons
 * added to R's messages (R may be one sync_run is filling). */
int sync_setup(const char *dir, const char *who, struct sync_report *r);

/* Take group and others' access off every file and folder under DIR (a
 * clone and a pull make them with the umask's modes; case files describe
 * children), as every sync does; what cannot be changed is added to R's
 * messages. */
void sync_private(const char *dir, struct sync_report *r);

#endif
