"""Imported by the process pool's forkserver only (``set_forkserver_preload``): loads the models
once there, so that the workers forked from it share them (:mod:`newsloom.preload`)."""

from newsloom.preload import warm_up

warm_up()
