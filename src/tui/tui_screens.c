/* tui_screens.c - the table of screens (see tui.h): a row for each value
 * of enum tui_screen, each row an ops struct defined in its screen's own
 * file. Only the loop (tui.c) reads it.
 *
 * To add a screen: a value in tui.h's enum tui_screen and its row's name
 * in the extern line under struct tui_screen_ops, a row here, and one file
 * of its own (tui_NAME.c) that keeps its state in a struct of the file's
 * (state_size) and defines the row (const struct tui_screen_ops
 * tui_NAME_screen) with its static ops; a key context in tui_keys.h when
 * it binds keys of its own. The screen changes no other screen's state
 * and calls no other screen nor the loop: what must happen next (another
 * screen, back, home) it puts in its struct tui_go. */
#include "config.h"

#include "tui/tui.h"

const struct tui_screen_ops *const tui_screens[SCREEN_COUNT] = {
	[SCREEN_LIST] = &tui_list_screen,
	[SCREEN_WALK] = &tui_walk_screen,
	[SCREEN_FACTS] = &tui_facts_screen,
	[SCREEN_NOTES] = &tui_notes_screen,
	[SCREEN_JUMP] = &tui_jump_screen,
	[SCREEN_HELP] = &tui_help_screen,
	[SCREEN_RATINGS] = &tui_ratings_screen,
	[SCREEN_STANDARD] = &tui_standard_screen,
	[SCREEN_KQCASES] = &tui_kqcases_screen,
	[SCREEN_NAME] = &tui_name_screen,
	[SCREEN_SYNC] = &tui_team_screen,
	[SCREEN_LOG] = &tui_log_screen,
};
