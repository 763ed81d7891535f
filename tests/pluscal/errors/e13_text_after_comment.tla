---- MODULE e13_text_after_comment ----
(* --algorithm e13
variables x = 0;
begin
  a: x := 1;
end algorithm *) Foo == 1
====
