#!/bin/sh
# Mirror the day's crops to the office MinIO, then clear what is older than a week.
TODAY=`date +%F`
export MC_CONFIG_DIR=/root/.mc

while read -r cam; do
    mc mirror --overwrite --remove "/data/crops/$cam/$TODAY/" "office/faces/$cam/$TODAY/"
done < /etc/face/cameras.list

case "$1" in
  full)
    mc cp --recursive /data/crops/ office/faces/full/ ;;
  *)
    echo "daily mirror done" ;;
esac

mc rm --recursive --force --older-than 7d office/faces/
find /data/crops -type f -name '*.jpg' -mtime +7 -print0 | xargs -0 rm -f
