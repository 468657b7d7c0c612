/* paths.h - where the data is: the forms (framework files) and the bundled
 * demo inspection. $YJINSPECT_FORMS and $YJINSPECT_DEMO override the
 * installed locations (the tests point them at the source tree). A build
 * that was never installed finds the source tree's forms/ and demo
 * (tests/fixtures/south-tyneside-2020) itself while the installed ones do
 * not exist. The strings are static: do not free them. */
#ifndef YJ_PATHS_H
#define YJ_PATHS_H

const char *paths_forms_dir(void);
const char *paths_demo_dir(void);

#endif
