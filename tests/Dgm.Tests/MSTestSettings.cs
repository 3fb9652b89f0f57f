// Integration tests share one Docker daemon and two cores: classes run in parallel, methods in order.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
