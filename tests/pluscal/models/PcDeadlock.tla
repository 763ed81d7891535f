---- MODULE PcDeadlock ----
EXTENDS Naturals
(* Two processes taking two locks in opposite orders: TLC finds the deadlock. *)
(* --algorithm PcDeadlock {
  variables owner = [l \in {"a", "b"} |-> "none"];
  macro acquire(l, who) { await owner[l] = "none"; owner[l] := who }
  macro releaseAll() { owner := [l \in {"a", "b"} |-> "none"] }
  process (T1 = 1) {
    t1a: acquire("a", "t1");
    t1b: acquire("b", "t1");
    t1r: releaseAll();
  }
  process (T2 = 2) {
    t2b: acquire("b", "t2");
    t2a: acquire("a", "t2");
    t2r: releaseAll();
  }
} *)
====
