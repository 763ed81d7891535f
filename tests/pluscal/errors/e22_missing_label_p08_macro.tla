---- MODULE e22_missing_label_p08_macro ----
EXTENDS Naturals, Sequences
(* --algorithm macros
variables queue = <<>>, got = 0;
macro send(v) begin
  queue := Append(queue, v);
end macro;
macro recv(into) begin
  await queue # <<>>;
  into := Head(queue);
  queue := Tail(queue);
end macro;
macro twice(v) begin
  send(v);
  send(v + 1);
end macro;
begin
  s1: send(1);
  s2: twice(5);
  r1: recv(got);
  r2: recv(got);
end algorithm *)
====
