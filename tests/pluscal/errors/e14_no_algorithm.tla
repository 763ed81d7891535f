---- MODULE e14_no_algorithm ----
(* an algorithm would go here *)
\* BEGIN TRANSLATION
\* END TRANSLATION
====
