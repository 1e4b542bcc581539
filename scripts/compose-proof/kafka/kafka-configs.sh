#!/bin/bash
exec java -Xmx256m -cp '/opt/kafka/libs/*' kafka.admin.ConfigCommand "$@"
