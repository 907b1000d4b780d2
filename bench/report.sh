say "report: todo"
