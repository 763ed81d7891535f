---- MODULE PcQueue ----
EXTENDS Integers, Sequences
(* A bounded producer/consumer queue in C syntax, with macros and a define block. *)
(* --algorithm PcQueue {
  variables queue = <<>>, produced = 0, consumed = 0;
  define {
    Cap == 2
    Full == Len(queue) = Cap
  }
  macro put(v) { await ~Full; queue := Append(queue, v) }
  macro take(into) { await queue # <<>>; into := Head(queue); queue := Tail(queue) }
  fair process (Producer = "prod") {
    p: while (produced < 4) {
         put(produced);
         produced := produced + 1;
       }
  }
  fair process (Consumer \in {"c1", "c2"})
    variable item = -1;
  {
    c: while (TRUE) {
         take(item);
         consumed := consumed + 1;
       }
  }
} *)
Bounded == Len(queue) <= Cap /\ consumed <= produced
AllConsumed == <>(consumed = 4)
====
