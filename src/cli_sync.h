/* cli_sync.h - yjinspect sync: a team's folders brought together through
 * git with no git skills (yjinspect(1), WORKING AS A TEAM). Private to the
 * command line; git is run as a program, never through a shell. */
#ifndef YJ_CLI_SYNC_H
#define YJ_CLI_SYNC_H

/* yjinspect sync DIR [--bundle FILE] */
int cli_sync(int argc, char **argv);

/* Make the git repository holding DIR ready for yjinspect, as team init
 * and every sync do: .gitattributes and .gitignore (insp_git_files), git's
 * merge driver recorded with the absolute path of the running program
 * (so that git finds it wherever yjinspect is installed, and again after
 * it moves), pulls set to merge (never rebase), the inspector's name
 * WHO as the repository's own committer name (never the global one; an
 * empty e-mail where git has none), and the driver proved on a small
 * three-way merge before it is trusted. Returns 0, or -1 with the reason
 * printed on stderr. */
int sync_setup(const char *dir, const char *who);

#endif
