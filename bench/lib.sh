# lib.sh - shared by the benchmark scripts.

# big_inspection YJ DIR N: an inspection of N cases in DIR, made by copying
# the demo's ten cases (6 court, 4 out-of-court) under new references
# B000000, B000001, ... (needs YJINSPECT_FORMS and YJINSPECT_DEMO).
big_inspection() {
	"$1" demo "$2" >/dev/null
	set -- "$2" "$3" "$2"/cases/*.ini
	_dir=$1 _count=$2
	shift 2
	_i=0
	while [ "$_i" -lt "$_count" ]; do
		for _src in "$@"; do
			[ "$_i" -ge "$_count" ] && break
			_ref=$(printf 'B%06d' "$_i")
			sed "s/^reference = .*/reference = \"$_ref\"/" "$_src" >"$_dir/cases/$_ref.ini"
			_i=$((_i + 1))
		done
	done
	rm -f "$@"
}
