package com.bulkupload.e2e.top;

import com.taobao.api.ApiRuleException;
import com.taobao.api.BaseTaobaoRequest;
import com.taobao.api.internal.util.TaobaoHashMap;
import java.util.Map;

/** taobao.opencrm.crowdanalysis.get (CONTRACT §11's addition), as TOP's SDK generator writes a request class. */
public class CrowdAnalysisGetRequest extends BaseTaobaoRequest<CrowdAnalysisGetResponse> {

    private Long taskId;

    public void setTaskId(Long taskId) {
        this.taskId = taskId;
    }

    public Long getTaskId() {
        return taskId;
    }

    @Override
    public String getApiMethodName() {
        return "taobao.opencrm.crowdanalysis.get";
    }

    @Override
    public Map<String, String> getTextParams() {
        TaobaoHashMap params = new TaobaoHashMap();
        params.put("task_id", taskId);
        if (udfParams != null) {
            params.putAll(udfParams);
        }
        return params;
    }

    @Override
    public Class<CrowdAnalysisGetResponse> getResponseClass() {
        return CrowdAnalysisGetResponse.class;
    }

    @Override
    public void check() throws ApiRuleException {
    }
}
