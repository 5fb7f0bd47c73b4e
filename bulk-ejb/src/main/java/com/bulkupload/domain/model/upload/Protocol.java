package com.bulkupload.domain.model.upload;

/** The protocol that created an upload request (CONTRACT §8): every request is listed whatever its protocol. */
public enum Protocol {
    Bing, Marketo, Alibaba, Taobao, Console
}
