# Completes command lines in one real interactive zsh (driven through zsh/zpty) and writes the
# candidates zsh offers for line N to OUTDIR/N, one per line. compadd is wrapped to record what the
# completion functions add; ^T runs complete-word, marks OUTDIR/N.done and clears the line.
# usage: zsh -f zsh-complete.zsh SCRIPT OUTDIR "line 1" "line 2" ...
zmodload zsh/zpty
script=$1 dir=$2
shift 2
zpty z zsh -f -i
zpty -w z "autoload -Uz compinit; compinit -u -D; source ${(q)script}; __dir=${(q)dir}; __n=1"
zpty -w z "compadd () { local -a __h; if (( \$@[(I)-O|-A|-D] )); then builtin compadd \"\$@\"; return; fi; builtin compadd -A __h \"\$@\"; print -rl -- \$__h >> \$__dir/\$__n; builtin compadd \"\$@\"; }"
zpty -w z "comptest() { zle complete-word; : > \$__dir/\$__n.done; (( __n++ )); BUFFER=; }; zle -N comptest; bindkey '^T' comptest"
n=1
for line in "$@"; do
  zpty -w -n z "$line"$'\x14'
  for i in {1..600}; do [[ -e $dir/$n.done ]] && break; zpty -r -t z junk; sleep 0.1; done
  [[ -e $dir/$n.done ]] || { print -u2 "no completion for: $line"; zpty -d z; exit 3; }
  (( n++ ))
done
zpty -d z
exit 0
