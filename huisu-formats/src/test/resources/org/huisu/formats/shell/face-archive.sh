#!/bin/bash
# Pack yesterday's faces and ship them to the bucket in Hangzhou.
# Runs from cron at 02:30 (see /etc/cron.d/face-archive).
set -euo pipefail

BUCKET=lakeview-faces
SRC=/data/capture
DAY=$(date -d yesterday +%Y%m%d)
ARCHIVE_DIR=/data/pack
ENDPOINT="oss-cn-hangzhou.aliyuncs.com"
LOG=/var/log/face-archive.log

log() { echo "$(date '+%F %T') $*" >> "$LOG"; }

cd "$ARCHIVE_DIR"
log "packing $SRC/$DAY"
tar czf "faces_${DAY}.tar.gz" -C "$SRC" "$DAY"
md5sum "faces_${DAY}.tar.gz" > "faces_${DAY}.md5"

for f in faces_${DAY}.tar.gz faces_${DAY}.md5; do
    n=0
    until /usr/local/bin/ossutil64 cp -f "$ARCHIVE_DIR/$f" "oss://$BUCKET/archive/$DAY/" -e "$ENDPOINT" --loglevel info; do
        n=$((n+1))
        if [ "$n" -ge 3 ]; then log "upload of $f failed"; exit 1; fi
        sleep 60
    done
done

log "uploaded, removing local copies"
rm -rf "$SRC/$DAY" "$ARCHIVE_DIR"/faces_${DAY}.*
find /data/capture -mtime +1 -delete
