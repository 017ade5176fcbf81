"""A minimal site on wagtail-lms: the peer `make bench` compares the lesson with."""
