"""Editorial approval workflow: the no-self-approval task, the "Duyệt tin bài" workflow, the scheduler."""
