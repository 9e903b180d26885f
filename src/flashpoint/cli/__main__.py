import sys

from flashpoint.cli.main import main

sys.exit(main())
